/**
 * The device's queue of progress events made offline (IndexedDB, so it survives a reload or a
 * closed tab). Each event keeps the request the player would have sent, with its client event
 * id: replaying it is safe however often it happens (contract 4 — the server applies an id once).
 * Browser only.
 */
export interface QueuedProgressEvent {
  /** Insertion order: events replay in the order the learner made them. */
  seq?: number;
  clientEventId: string;
  progressId: string;
  method: 'PUT' | 'POST';
  path: string;
  body: Record<string, unknown>;
  queuedAt: string;
}

const DB_NAME = 'workfree-offline';
const STORE = 'progress-events';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const enqueue = (event: Omit<QueuedProgressEvent, 'seq'>) => run('readwrite', (s) => s.add(event)).then(() => undefined);
export const queued = () => run('readonly', (s) => s.getAll() as IDBRequest<QueuedProgressEvent[]>).then((all) => all.sort((a, b) => a.seq! - b.seq!));
export const dequeue = (seq: number) => run('readwrite', (s) => s.delete(seq)).then(() => undefined);
export const clearQueue = () => run('readwrite', (s) => s.clear()).then(() => undefined);
