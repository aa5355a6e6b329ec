'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import type { ProgressDetailResponse } from '@/lib/progress/player-types';

/**
 * The player's server state (progress, quest, steps) for one progress, kept in a small store
 * instead of a query library: the player page must stay within its JavaScript budget, and it is
 * the only reader and writer of this progress.
 */

export interface ProgressDetailState {
  progressId: string;
  data: ProgressDetailResponse | undefined;
  error: unknown;
  fetching: boolean;
  /** Writes (answers, step moves, time syncs) sent and not yet answered. */
  writes: number;
}

export interface ProgressDetailStore extends StoreApi<ProgressDetailState> {
  refetch(): Promise<void>;
  /** Changes the held detail; a read already in flight is then ignored (it predates the change). */
  patch(change: (detail: ProgressDetailResponse) => ProgressDetailResponse): void;
  replace(detail: ProgressDetailResponse | undefined): void;
  /** Runs a write, counted in `writes`. PUTs pass `ordered` so they reach the server in order. */
  write<T>(send: () => Promise<T>, ordered?: boolean): Promise<T>;
}

export const progressPath = (progressId: string) => `/api/progress/${encodeURIComponent(progressId)}`;
const isClientError = (error: unknown) => error instanceof ApiRequestError && error.status >= 400 && error.status < 500;

export function createProgressDetailStore(progressId: string, initialData?: ProgressDetailResponse): ProgressDetailStore {
  const store = createStore<ProgressDetailState>()(() => ({ progressId, data: initialData, error: null, fetching: false, writes: 0 }));
  let generation = 0;
  // A time sync sent just before a step move must not land after it and set `currentStep` back.
  let putChain: Promise<unknown> = Promise.resolve();

  async function refetch() {
    const mine = ++generation;
    store.setState({ fetching: true });
    // One retry, except for a 404 or 403, which will not change by asking again.
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await apiFetch<ProgressDetailResponse>(progressPath(progressId));
        if (mine === generation) store.setState({ data, error: null, fetching: false });
        return;
      } catch (error) {
        if (attempt < 1 && !isClientError(error)) continue;
        if (mine === generation) store.setState({ error, fetching: false });
        return;
      }
    }
  }

  function patch(change: (detail: ProgressDetailResponse) => ProgressDetailResponse) {
    generation++;
    const { data } = store.getState();
    if (data) store.setState({ data: change(data), fetching: false });
  }

  function replace(detail: ProgressDetailResponse | undefined) {
    generation++;
    store.setState({ data: detail, fetching: false });
  }

  function write<T>(send: () => Promise<T>, ordered = false): Promise<T> {
    store.setState((s) => ({ writes: s.writes + 1 }));
    const run = ordered ? putChain.then(send, send) : send();
    if (ordered) putChain = run.catch(() => undefined);
    return run.finally(() => store.setState((s) => ({ writes: s.writes - 1 })));
  }

  return Object.assign(store, { refetch, patch, replace, write });
}

const ProgressDetailContext = createContext<ProgressDetailStore | null>(null);

/** Holds one progress's detail for the player below it; loads it when the page did not hand it over. */
export function ProgressDetailProvider({
  progressId,
  initialData,
  children,
}: {
  progressId: string;
  initialData?: ProgressDetailResponse;
  children: ReactNode;
}) {
  const [store] = useState(() => createProgressDetailStore(progressId, initialData));
  useEffect(() => {
    if (!store.getState().data) void store.refetch();
  }, [store]);
  return <ProgressDetailContext.Provider value={store}>{children}</ProgressDetailContext.Provider>;
}

export function useProgressDetailStore(): ProgressDetailStore {
  const store = useContext(ProgressDetailContext);
  if (!store) throw new Error('useProgressDetailStore must be used inside ProgressDetailProvider');
  return store;
}

export function useProgressDetailState<T>(selector: (state: ProgressDetailState) => T): T {
  return useStore(useProgressDetailStore(), selector);
}
