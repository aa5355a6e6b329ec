/** @jest-environment jsdom */
import { isQueued, sendOrQueue } from '@/lib/offline/send-progress';
import { syncStatus } from '@/lib/offline/sync-status';
import type { QueuedProgressEvent } from '@/lib/offline/queue';

let store: QueuedProgressEvent[] = [];
jest.mock('@/lib/offline/queue', () => ({
  queued: async () => [...store],
  enqueue: async (e: QueuedProgressEvent) => {
    store.push({ ...e, seq: store.length + 1 });
  },
}));
jest.mock('@/lib/offline/replay', () => ({ replayQueuedProgress: jest.fn(async () => undefined) }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const body = { currentStep: 1, progressPercentage: 25, timeSpent: 30 };

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}

describe('sending a step move, or keeping it on the device', () => {
  beforeAll(() => {
    // jsdom has no IndexedDB; the queue module is replaced above, this only says it exists.
    (globalThis as { indexedDB?: unknown }).indexedDB = {};
  });
  beforeEach(() => {
    store = [];
    setOnline(true);
  });

  it('online: sends it at once with a fresh client event id', async () => {
    const sent: Record<string, unknown>[] = [];
    global.fetch = jest.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return { ok: true, status: 200, json: async () => ({ success: true, progress: { currentStep: 1 } }) } as Response;
    }) as typeof fetch;
    const outcome = await sendOrQueue('p1', '/api/progress/p1', 'PUT', body);
    expect(isQueued(outcome)).toBe(false);
    expect(sent).toEqual([{ ...body, clientEventId: expect.stringMatching(UUID) }]);
    expect(store).toEqual([]);
  });

  it('offline: queues it, tells the learner, and sends nothing', async () => {
    setOnline(false);
    global.fetch = jest.fn() as typeof fetch;
    const outcome = await sendOrQueue('p1', '/api/progress/p1', 'PUT', body);
    expect(outcome).toEqual({ queued: true, clientEventId: expect.stringMatching(UUID) });
    expect(global.fetch).not.toHaveBeenCalled();
    expect(store).toEqual([expect.objectContaining({ progressId: 'p1', method: 'PUT', path: '/api/progress/p1', body, clientEventId: (outcome as { clientEventId: string }).clientEventId })]);
    expect(syncStatus()).toEqual({ state: 'queued', pending: 1 });
  });

  it('queues it when the request cannot reach the server, but not when the server refuses it', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(isQueued(await sendOrQueue('p1', '/api/progress/p1', 'PUT', body))).toBe(true);
    expect(store).toHaveLength(1);

    store = [];
    global.fetch = jest.fn(async () => ({ ok: false, status: 409, json: async () => ({ success: false, error: { code: 'STEP_NOT_DONE', message: 'Answer step 2 first' } }) }) as Response) as typeof fetch;
    await expect(sendOrQueue('p1', '/api/progress/p1', 'PUT', body)).rejects.toMatchObject({ status: 409 });
    expect(store).toEqual([]);
  });

  it('queues behind events already waiting, so a later move never overtakes an earlier one', async () => {
    store = [{ seq: 1, clientEventId: 'x', progressId: 'p1', method: 'PUT', path: '/api/progress/p1', body: { currentStep: 1 }, queuedAt: '' }];
    global.fetch = jest.fn() as typeof fetch;
    const outcome = await sendOrQueue('p1', '/api/progress/p1', 'PUT', { ...body, currentStep: 2 });
    expect(isQueued(outcome)).toBe(true);
    expect(global.fetch).not.toHaveBeenCalled();
    expect(store.map((e) => e.body.currentStep)).toEqual([1, 2]);
  });
});
