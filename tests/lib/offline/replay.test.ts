/** @jest-environment jsdom */
import { replayQueuedProgress } from '@/lib/offline/replay';
import { PROGRESS_SYNCED_EVENT, syncStatus } from '@/lib/offline/sync-status';
import type { QueuedProgressEvent } from '@/lib/offline/queue';

/** The device queue in memory (jsdom has no IndexedDB); replay's order and stop rules are what is tested. */
let store: QueuedProgressEvent[] = [];
jest.mock('@/lib/offline/queue', () => ({
  queued: async () => [...store].sort((a, b) => a.seq! - b.seq!),
  dequeue: async (seq: number) => {
    store = store.filter((e) => e.seq !== seq);
  },
}));

const event = (seq: number, currentStep: number): QueuedProgressEvent => ({
  seq,
  clientEventId: `00000000-0000-4000-8000-00000000000${seq}`,
  progressId: 'p1',
  method: 'PUT',
  path: '/api/progress/p1',
  body: { currentStep, progressPercentage: 0, timeSpent: 0 },
  queuedAt: '2026-01-01T00:00:00.000Z',
});

function serverAnswering(...statuses: (number | 'offline')[]) {
  const sent: { clientEventId: string; currentStep: number }[] = [];
  global.fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const status = statuses.shift() ?? 200;
    if (status === 'offline') throw new TypeError('Failed to fetch');
    sent.push(JSON.parse(String(init?.body)));
    return { ok: status < 300, status, json: async () => ({ success: status < 300, error: { message: 'Answer step 2 before moving past it' } }) } as Response;
  }) as typeof fetch;
  return sent;
}

describe('replaying progress queued offline', () => {
  beforeEach(() => {
    store = [event(2, 2), event(1, 1)];
  });

  it('sends every event in the order it was made, with its client event id, and reports the sync', async () => {
    const sent = serverAnswering(200, 200);
    const synced = jest.fn();
    window.addEventListener(PROGRESS_SYNCED_EVENT, synced);
    await replayQueuedProgress();
    window.removeEventListener(PROGRESS_SYNCED_EVENT, synced);
    expect(sent.map((b) => [b.currentStep, b.clientEventId])).toEqual([
      [1, '00000000-0000-4000-8000-000000000001'],
      [2, '00000000-0000-4000-8000-000000000002'],
    ]);
    expect(store).toEqual([]);
    expect(syncStatus()).toEqual({ state: 'synced', pending: 0, applied: 2 });
    expect((synced.mock.calls[0]![0] as CustomEvent).detail).toEqual({ progressIds: ['p1'], applied: 2 });
  });

  it('keeps the event and everything after it when the network drops again', async () => {
    const sent = serverAnswering(200, 'offline');
    await replayQueuedProgress();
    expect(sent).toHaveLength(1);
    expect(store.map((e) => e.seq)).toEqual([2]);
    expect(syncStatus()).toEqual({ state: 'queued', pending: 1 });
  });

  it('keeps the queue when the server is unavailable or the learner is signed out', async () => {
    serverAnswering(503);
    await replayQueuedProgress();
    expect(store).toHaveLength(2);
    expect(syncStatus()).toMatchObject({ state: 'failed', pending: 2 });

    serverAnswering(401);
    await replayQueuedProgress();
    expect(store).toHaveLength(2);
    expect(syncStatus()).toMatchObject({ state: 'failed', message: 'Sign in again to sync your offline progress.' });
  });

  it('drops an event the server refuses for good, says why, and leaves the rest for the next sync', async () => {
    serverAnswering(409);
    await replayQueuedProgress();
    expect(store.map((e) => e.seq)).toEqual([2]);
    expect(syncStatus()).toEqual({
      state: 'failed',
      pending: 1,
      message: 'A step saved offline was not accepted: Answer step 2 before moving past it',
    });
  });
});
