import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { QuestEditorView, QuestOptions } from '@/lib/admin/quests/types';

/** Test data and a render wrapper for the quest editor's components (not a test file itself). */

export function newQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: 0 } } });
}

export const STEP_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

export function makeView(overrides: Partial<QuestEditorView> = {}): QuestEditorView {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    slug: 'sql-joins',
    title: 'SQL joins',
    description: 'Join tables without losing rows you meant to keep.',
    category: 'Data',
    difficulty: 'beginner',
    tier: 'free',
    durationMinutes: 20,
    xpReward: 120,
    coverImageUrl: null,
    objectives: ['Write an inner join'],
    prerequisites: [],
    status: 'draft',
    publishedAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    learnerCount: 0,
    archivedStepCount: 0,
    steps: [
      { id: STEP_IDS[0]!, kind: 'reading', title: 'Why joins', body: 'A join combines rows from two tables by a shared key value.' },
      {
        id: STEP_IDS[1]!,
        kind: 'quiz',
        title: 'Pick the join',
        body: 'Which join keeps every left row?',
        choices: [
          { id: 'a', text: 'INNER JOIN' },
          { id: 'b', text: 'LEFT JOIN' },
        ],
        answer: { correct: ['b'], explanation: 'A left join keeps every row of the left table.' },
      },
      { id: STEP_IDS[2]!, kind: 'task', title: 'Join two tables', body: 'Write a query that lists every customer with their orders.', checklist: ['Query runs', 'Customers without orders are listed'] },
    ],
    ...overrides,
  };
}


export const OPTIONS: QuestOptions = {
  quests: [
    { id: '00000000-0000-4000-8000-0000000000b1', slug: 'sql-basics', title: 'SQL basics', status: 'published' },
    { id: '00000000-0000-4000-8000-0000000000b2', slug: 'sql-indexes', title: 'SQL indexes', status: 'draft' },
  ],
  categories: ['Data', 'Web Development'],
};

export function renderWithClient(ui: ReactNode) {
  return render(<QueryClientProvider client={newQueryClient()}>{ui}</QueryClientProvider>);
}

/** jsdom has <dialog> but not its modal methods: open/close it as a browser would. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal: () => void; close: () => void };
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
