import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What is known about the request being served, reachable from any code it calls (the logger adds
 * `requestId` to every line from here, so lib code logs without passing the id around).
 */
export interface RequestContext {
  readonly requestId: string;
  /** Set once the session is resolved; the access log names the caller. */
  userId?: string;
}

// On globalThis: Next.js bundles proxy.ts and the route handlers separately, and both must see one store.
const holder = globalThis as typeof globalThis & { __workfreeRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__workfreeRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the signed-in caller for the access log; outside a request it does nothing. */
export function setRequestUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
