import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ProgressDetailProvider } from '@/components/player/progress-detail-provider';
import { QuestPlayerStoreProvider } from '@/components/player/quest-player-store-provider';
import type { PlayerStep, Progress, ProgressDetailResponse } from '@/lib/progress/player-types';

/** Test data and a render wrapper for the quest player's components (not a test file itself). */

export const PROGRESS_ID = '00000000-0000-4000-8000-0000000000aa';

export function makeSteps(): PlayerStep[] {
  return [
    { id: 's0', position: 0, kind: 'reading', title: 'Why semantics matter', body: '## Landmarks\n\nUse `<main>`.', choices: null, allowMultiple: false, result: null },
    {
      id: 's1',
      position: 1,
      kind: 'quiz',
      title: 'Pick the landmark',
      body: 'Which element wraps a sidebar?',
      choices: [
        { id: 'a', text: '`<section>`' },
        { id: 'b', text: '`<aside>`' },
      ],
      allowMultiple: false,
      result: null,
    },
    {
      id: 's2',
      position: 2,
      kind: 'quiz',
      title: 'Interactive elements',
      body: 'Which elements are focusable by default?',
      choices: [
        { id: 'a', text: '`<button>`' },
        { id: 'b', text: '`<a href>`' },
        { id: 'c', text: '`<div>`' },
      ],
      allowMultiple: true,
      result: null,
    },
    {
      id: 's3',
      position: 3,
      kind: 'task',
      title: 'Refactor div soup',
      body: 'Rewrite the page.',
      choices: [
        { id: 'c1', text: 'Uses header, nav, main and footer' },
        { id: 'c2', text: 'Menu items are <a href> links' },
      ],
      allowMultiple: false,
      result: null,
    },
  ];
}

export function makeProgress(overrides: Partial<Progress> = {}): Progress {
  return {
    id: PROGRESS_ID,
    questId: '00000000-0000-4000-8000-0000000000bb',
    status: 'in_progress',
    currentStep: 0,
    totalSteps: 4,
    progressPercentage: 0,
    timeSpent: 0,
    score: null,
    startedAt: '2025-01-01T10:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function makeDetail(progress: Partial<Progress> = {}, steps = makeSteps()): ProgressDetailResponse {
  return {
    success: true,
    progress: makeProgress({ totalSteps: steps.length, ...progress }),
    quest: {
      id: '00000000-0000-4000-8000-0000000000bb',
      slug: 'html-semantic-structure',
      title: 'Semantic HTML',
      category: 'Web Development',
      difficulty: 'beginner',
      tier: 'free',
      xpReward: 100,
    },
    steps,
  };
}

/** Renders `ui` with the player's detail holding `detail` and a player store started from it. */
export function renderWithPlayer(ui: ReactNode, detail: ProgressDetailResponse) {
  const init = {
    progressId: PROGRESS_ID,
    totalSteps: detail.steps.length,
    currentStep: detail.progress.currentStep,
    completed: detail.progress.status === 'completed',
    timeSpent: detail.progress.timeSpent,
  };
  return render(
    <ProgressDetailProvider progressId={PROGRESS_ID} initialData={detail}>
      <QuestPlayerStoreProvider init={init}>{ui}</QuestPlayerStoreProvider>
    </ProgressDetailProvider>,
  );
}

/** A fetch double answering JSON in order; records what was sent. */
export function mockFetch(...responses: { status?: number; body: unknown }[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const queue = [...responses];
  const fn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const next = queue.shift();
    if (!next) throw new Error(`Unexpected fetch ${String(input)}`);
    const status = next.status ?? 200;
    return { ok: status >= 200 && status < 300, status, json: async () => next.body } as Response;
  });
  global.fetch = fn as typeof fetch;
  return { fn, calls };
}
