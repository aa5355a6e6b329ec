import type { Session } from '@/lib/auth/types';
import type { EditorStep, QuestEditorInput } from '@/lib/admin/quests/schemas';
import type { TestUser } from '../../../support/fixtures';

/** Steps as the editor sends them (no ids: new steps). */
export const readingStep = (title = 'Read the intro'): Extract<EditorStep, { kind: 'reading' }> => ({
  kind: 'reading',
  title,
  body: 'A reading step written in the editor, long enough to count as content. '.repeat(2),
});

export const quizStep = (title = 'Pick the right one', correct = ['b']): Extract<EditorStep, { kind: 'quiz' }> => ({
  kind: 'quiz',
  title,
  body: 'Which option is the right one?',
  choices: [
    { id: 'a', text: 'Option A' },
    { id: 'b', text: 'Option B' },
    { id: 'c', text: 'Option C' },
  ],
  answer: { correct, explanation: 'The editor marked this as the right one.' },
});

export const taskStep = (title = 'Do the task'): Extract<EditorStep, { kind: 'task' }> => ({
  kind: 'task',
  title,
  body: 'Task instructions written in the editor, with enough words to be real.',
  checklist: ['Did the first thing', 'Did the second thing'],
});

/** A complete, publishable editor body: reading, quiz (answer "b"), task. */
export function editorQuest(slug: string, overrides: Partial<QuestEditorInput> = {}): QuestEditorInput {
  return {
    slug,
    title: `Authored ${slug}`,
    description: 'A quest written in the admin editor by the test suite.',
    category: 'Authoring',
    difficulty: 'beginner',
    tier: 'free',
    durationMinutes: 15,
    xpReward: 80,
    prerequisites: [],
    objectives: ['Write a quest'],
    coverImageUrl: null,
    steps: [readingStep(), quizStep(), taskStep()],
    ...overrides,
  };
}

/** A lib-level session for a fixture user (what resolveSession would build). */
export function sessionOf(user: TestUser, adminPermissions: string[] | null = null): Session {
  const role = user.claims.app_metadata?.role ?? 'user';
  return {
    user: {
      id: user.id,
      email: user.email,
      fullName: null,
      role,
      tier: 'free',
      emailVerified: true,
      adminPermissions,
    },
    claims: user.claims,
  };
}
