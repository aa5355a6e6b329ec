/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { QuestPlayer } from '@/app/(app)/quests/[slug]/play/quest-player';
import type { PlayerStep } from '@/lib/progress/player-types';
import { PROGRESS_ID, makeDetail, makeProgress, makeSteps, mockFetch } from './fixtures';

/** Each sent event carries a fresh client event id (offline sync, contract 4). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

jest.mock('@/components/markdown/markdown', () => require('./markdown-mock'));
jest.mock('@/components/player/player-markdown', () => require('./player-markdown-mock'));

function renderPlayer() {
  return render(<QuestPlayer progressId={PROGRESS_ID} slug="html-semantic-structure" />);
}

/** Steps 0–3 with the quizzes and the task already answered. */
function answeredSteps(): PlayerStep[] {
  return makeSteps().map((s) => (s.kind === 'reading' ? s : { ...s, result: { answer: ['b'], correct: true, explanation: null } }));
}

/** A fetch whose answers the test releases one by one, to look at the optimistic state in between. */
function deferredFetch(first: unknown) {
  const pending: ((value: { status: number; body: unknown }) => void)[] = [];
  const calls: { method: string; body: unknown }[] = [];
  global.fetch = jest.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const { status, body } = calls.length === 1 ? { status: 200, body: first } : await new Promise<{ status: number; body: unknown }>((r) => pending.push(r));
    return { ok: status < 300, status, json: async () => body } as Response;
  }) as typeof fetch;
  return { calls, respond: (status: number, body: unknown) => act(async () => pending.shift()?.({ status, body })) };
}

describe('QuestPlayer', () => {
  it('shows a skeleton, then resumes at the step the learner had reached', async () => {
    mockFetch({ body: makeDetail({ currentStep: 1, progressPercentage: 25 }) });
    renderPlayer();
    expect(screen.getByText('Loading quest…')).toBeInTheDocument();

    expect(await screen.findByRole('heading', { level: 1, name: 'Semantic HTML' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Step 2 of 4: Pick the landmark' })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Quest progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    // An unanswered quiz holds the learner here.
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(screen.getByText('Check your answer to continue.')).toBeInTheDocument();
  });

  it('moves on at once, sends the step with the time spent, and focuses the new step’s heading', async () => {
    const server = deferredFetch(makeDetail({ currentStep: 0, timeSpent: 12 }));
    renderPlayer();
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));

    // Optimistic: the next step is on screen before the server has answered.
    const heading = await screen.findByRole('heading', { level: 2, name: /Pick the landmark/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(server.calls[1]).toEqual({ method: 'PUT', body: { currentStep: 1, progressPercentage: 25, timeSpent: 12, clientEventId: expect.stringMatching(UUID) } });
    expect(screen.getByRole('progressbar', { name: 'Quest progress' })).toHaveAttribute('aria-valuenow', '25');

    // The buttons wait for the server, then the learner can go on.
    expect(screen.getByRole('button', { name: /Previous/ })).toBeDisabled();
    await server.respond(200, { success: true, progress: makeProgress({ currentStep: 1, progressPercentage: 25, timeSpent: 12 }) });
    await waitFor(() => expect(screen.getByRole('button', { name: /Previous/ })).toBeEnabled());
  });

  it('rolls the move back and says why when the server refuses it', async () => {
    const server = deferredFetch(makeDetail({ currentStep: 0 }));
    renderPlayer();
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 2, name: /Pick the landmark/ });

    await server.respond(409, { success: false, error: { code: 'STEP_NOT_DONE', message: 'Step 1 (quiz) must be completed first' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Step 1 (quiz) must be completed first');
    expect(screen.getByRole('heading', { level: 2, name: /Why semantics matter/ })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Quest progress' })).toHaveAttribute('aria-valuenow', '0');
  });

  it('goes back to earlier steps without asking the server', async () => {
    const { fn } = mockFetch({ body: makeDetail({ currentStep: 2, progressPercentage: 50 }, answeredSteps()) });
    renderPlayer();
    fireEvent.click(await screen.findByRole('button', { name: /Previous/ }));
    expect(screen.getByRole('heading', { level: 2, name: /Pick the landmark/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2, name: /Interactive elements/ })).toBeInTheDocument();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('finishes on the last step and celebrates: score, XP, level up and achievements', async () => {
    const { calls } = mockFetch(
      { body: makeDetail({ currentStep: 3, progressPercentage: 75, timeSpent: 300 }, answeredSteps()) },
      {
        body: {
          success: true,
          progress: makeProgress({ status: 'completed', currentStep: 4, progressPercentage: 100, score: 100, timeSpent: 300, completedAt: '2025-01-01T10:10:00.000Z' }),
          xpEarned: 100,
          achievementsUnlocked: [
            { id: 'a1', slug: 'first-quest', name: 'First Quest', description: 'Complete your first quest', rarity: 'common', xpReward: 50, iconUrl: null, unlockedAt: '2025-01-01T10:10:00.000Z' },
          ],
          level: { before: 1, after: 2, totalXp: 150 },
        },
      },
    );
    renderPlayer();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish quest' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Quest complete!' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(calls[1]).toEqual({ url: `/api/progress/${PROGRESS_ID}`, method: 'PUT', body: { currentStep: 4, progressPercentage: 100, timeSpent: 300, clientEventId: expect.stringMatching(UUID) } });
    expect(screen.getByText('Score').nextSibling).toHaveTextContent('100%');
    expect(screen.getByText('XP earned').nextSibling).toHaveTextContent('+100 XP');
    expect(screen.getAllByText('Level up!')).not.toHaveLength(0);
    const levelBar = screen.getByRole('progressbar', { name: 'Progress to level 3' });
    expect(levelBar).toHaveAttribute('aria-valuemax', '200');
    expect(levelBar).toHaveAttribute('aria-valuetext', '50 of 200 XP');
    const list = screen.getByRole('heading', { name: 'Achievements unlocked' }).parentElement!;
    expect(within(list).getByText('First Quest')).toBeInTheDocument();
    const toasts = screen.getAllByRole('status').find((el) => el.textContent?.includes('Achievement unlocked: First Quest'));
    expect(toasts).toBeDefined();
    expect(screen.getByRole('link', { name: 'Back to quests' })).toHaveAttribute('href', '/quests');
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
  });

  it('opens a completed quest on its summary, with its steps to review', async () => {
    mockFetch({ body: makeDetail({ status: 'completed', currentStep: 4, progressPercentage: 100, score: 75, completedAt: '2025-01-02T09:00:00.000Z' }, answeredSteps()) });
    renderPlayer();
    expect(await screen.findByRole('heading', { level: 2, name: 'You completed this quest' })).toBeInTheDocument();
    expect(screen.getByText('Score').nextSibling).toHaveTextContent('75%');
    fireEvent.click(screen.getByRole('button', { name: 'Review steps' }));
    expect(screen.getByRole('heading', { level: 2, name: /Why semantics matter/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to summary' }));
    expect(screen.getByRole('heading', { level: 2, name: 'You completed this quest' })).toBeInTheDocument();
  });

  it('explains a missing progress and links back to the quest', async () => {
    mockFetch({ status: 404, body: { success: false, error: { code: 'NOT_FOUND', message: 'No such progress for this account' } } });
    renderPlayer();
    expect(await screen.findByRole('heading', { name: 'Quest progress not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the quest' })).toHaveAttribute('href', '/quests/html-semantic-structure');
  });
});
