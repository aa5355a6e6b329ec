'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { progressPath, useProgressDetailState, useProgressDetailStore } from '@/components/player/progress-detail-provider';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { isQueued, sendOrQueue } from '@/lib/offline/send-progress';
import { PROGRESS_SYNCED_EVENT } from '@/lib/offline/sync-status';
import type {
  LevelChange,
  PlayerStep,
  ProgressDetailResponse,
  ProgressUpdateBody,
  ProgressUpdateResponse,
  StepAnswerResponse,
  UnlockedAchievement,
} from '@/lib/progress/player-types';
import { useQuestPlayerStoreApi, type Announcement } from '@/store/quest-player-store';
import { useVisibleSeconds } from './use-visible-seconds';

/**
 * The quest player's server state: the detail held by ProgressDetailProvider (progress, quest and
 * steps), and the actions that grade answers and move through the quest. Step moves are
 * optimistic: the held `currentStep` and the screen move at once and roll back if the server
 * refuses. Every PUT of one progress is sent in order (see the provider's `write`).
 */
/** Time syncs every this many visible seconds (a step move sends the time too). */
export const TIME_SYNC_SECONDS = 30;

/** Toasts for what a response unlocked: each achievement, and a level up. */
export function announcementsFor(achievements: UnlockedAchievement[] = [], level?: LevelChange | null): Announcement[] {
  const items: Announcement[] = achievements.map((a) => ({
    id: `achievement-${a.id}`,
    title: `Achievement unlocked: ${a.name}`,
    description: a.description,
  }));
  if (level && level.after > level.before) {
    items.unshift({ id: `level-${level.after}`, title: 'Level up!', description: `You reached level ${level.after}.` });
  }
  return items;
}

const offlineAnswerError = () =>
  new ApiRequestError(0, {
    code: 'OFFLINE',
    message: 'You are offline. Answers are checked by the server: reconnect to check this one. Reading steps keep working offline.',
  });

/** After queued offline moves reach the server, the open player reloads the server's view of them. */
export function useRefetchAfterOfflineSync(progressId: string) {
  const detail = useProgressDetailStore();
  useEffect(() => {
    const onSynced = (event: Event) => {
      const ids = (event as CustomEvent<{ progressIds: string[] }>).detail?.progressIds ?? [];
      if (ids.includes(progressId)) void detail.refetch();
    };
    window.addEventListener(PROGRESS_SYNCED_EVENT, onSynced);
    return () => window.removeEventListener(PROGRESS_SYNCED_EVENT, onSynced);
  }, [progressId, detail]);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiRequestError ? error.body.message : 'Something went wrong. Please try again.';
}

/** The held detail: `data` (from the page or loaded on mount), the load's `error`, and `refetch`. */
export function useProgressDetail(_progressId: string) {
  const store = useProgressDetailStore();
  const data = useProgressDetailState((s) => s.data);
  const error = useProgressDetailState((s) => s.error);
  return { data, error, isError: error != null && !data, refetch: store.refetch };
}

/** The same share the server computes: readings count once passed, quizzes and tasks once answered. */
export function percentageAt(steps: PlayerStep[], currentStep: number): number {
  if (!steps.length) return 100;
  const done = steps.filter((s) => (s.kind === 'reading' ? s.position < currentStep : s.result !== null)).length;
  return Math.round((done / steps.length) * 100);
}

/**
 * One action's pending state and last error, for the component that started it. `onDone`
 * callbacks of a call are skipped once the component is gone (nothing left to update).
 */
function useAction<V, R>(run: (variables: V) => Promise<R>) {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const runRef = useRef(run);
  runRef.current = run;
  const mutate = useCallback((variables: V, options?: { onSuccess?: (result: R) => void }) => {
    setError(null);
    setPending((n) => n + 1);
    runRef.current(variables).then(
      (result) => {
        if (!mounted.current) return;
        setPending((n) => n - 1);
        options?.onSuccess?.(result);
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setPending((n) => n - 1);
        setError(failure);
      },
    );
  }, []);
  return { mutate, isPending: pending > 0, error };
}

/** Grades a quiz answer or confirms a task; the stored result then shows whenever the step is revisited. */
export function useAnswerStep(progressId: string) {
  const store = useQuestPlayerStoreApi();
  const detail = useProgressDetailStore();
  return useAction(async ({ position, answer }: { position: number; answer: string[] }) => {
    // Answers are graded on the server, so they are not queued offline; the client event id
    // makes a retry after a lost response safe.
    const response = await detail
      .write(() =>
        apiFetch<StepAnswerResponse>(`${progressPath(progressId)}/steps/${position}`, {
          body: { answer, clientEventId: crypto.randomUUID() },
        }),
      )
      .catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 0) throw offlineAnswerError();
        throw error;
      });
    detail.patch((d) => ({
      ...d,
      progress: response.progress,
      steps: d.steps.map((step) =>
        step.position === position ? { ...step, result: { answer, correct: response.correct, explanation: response.explanation } } : step,
      ),
    }));
    if (response.achievementsUnlocked?.length) store.getState().announce(announcementsFor(response.achievementsUnlocked));
    return response;
  });
}

/**
 * Moves the learner's `currentStep` forward (or to `totalSteps`, which completes the quest).
 * Revisiting earlier steps does not call the server: `currentStep` stays the furthest step
 * reached, so resuming lands there.
 */
export function useStepNavigation(progressId: string) {
  const store = useQuestPlayerStoreApi();
  const detail = useProgressDetailStore();

  const move = useAction(async (body: ProgressUpdateBody) => {
    const previous = detail.getState().data;
    const { stepIndex: previousIndex, totalSteps, setError, goTo } = store.getState();
    detail.patch((d) => ({ ...d, progress: { ...d.progress, currentStep: body.currentStep, progressPercentage: body.progressPercentage } }));
    setError(null);
    if (body.currentStep < totalSteps) goTo(body.currentStep);
    // Offline, the move is kept on the device and replayed when back online (lib/offline).
    const response = await detail
      .write(() => sendOrQueue<ProgressUpdateResponse>(progressId, progressPath(progressId), 'PUT', { ...body }), true)
      .catch((error: unknown) => {
        if (previous) detail.replace(previous);
        const state = store.getState();
        state.goTo(previousIndex);
        state.setError(errorMessage(error));
        throw error;
      });
    // Queued: the optimistic move stands until the replay reports back.
    if (isQueued(response)) return;
    detail.patch((d) => ({ ...d, progress: response.progress }));
    const state = store.getState();
    if (body.currentStep >= state.totalSteps && response.progress.status === 'completed') {
      const achievementsUnlocked = response.achievementsUnlocked ?? [];
      const level = response.level ?? null;
      state.completeWith({ score: response.progress.score, xpEarned: response.xpEarned ?? 0, achievementsUnlocked, level });
      state.announce(announcementsFor(achievementsUnlocked, level));
    }
  });

  /** Shows step `to` (or finishes at `totalSteps`), telling the server only when it is new ground. */
  function go(to: number) {
    const data = detail.getState().data;
    const { goTo, elapsedSeconds, setError } = store.getState();
    if (!data || data.progress.status === 'completed' || to <= data.progress.currentStep) {
      setError(null);
      goTo(to);
      return;
    }
    const target = Math.min(to, data.progress.totalSteps);
    move.mutate({ currentStep: target, progressPercentage: percentageAt(data.steps, target), timeSpent: elapsedSeconds });
  }

  return { go, pending: move.isPending };
}

/**
 * Counts the seconds the player is visible and sends the cumulative time every
 * TIME_SYNC_SECONDS and when the page is hidden (tab switch, close, reload), without moving
 * `currentStep`. Stops once the
 * quest is completed. Best effort: a failed sync is simply retried with the next one.
 */
export function useTimeTracking(progressId: string, inProgress: boolean) {
  const store = useQuestPlayerStoreApi();
  const detail = useProgressDetailStore();
  const lastSent = useRef(store.getState().elapsedSeconds);

  function sync(body: ProgressUpdateBody) {
    detail
      .write(() => apiFetch<ProgressUpdateResponse>(progressPath(progressId), { method: 'PUT', body }), true)
      .then((response) => detail.patch((d) => ({ ...d, progress: { ...d.progress, timeSpent: response.progress.timeSpent } })))
      .catch(() => undefined);
  }

  function pendingSync(): ProgressUpdateBody | null {
    const { data, writes } = detail.getState();
    const elapsed = store.getState().elapsedSeconds;
    if (!data || data.progress.status !== 'in_progress' || elapsed <= lastSent.current) return null;
    // A step move in flight carries the time itself, and its currentStep must not be overwritten.
    if (writes > 0) return null;
    lastSent.current = elapsed;
    return { currentStep: data.progress.currentStep, progressPercentage: data.progress.progressPercentage, timeSpent: elapsed };
  }

  useVisibleSeconds(
    inProgress,
    () => {
      store.getState().tick();
      if (store.getState().elapsedSeconds - lastSent.current < TIME_SYNC_SECONDS) return;
      const body = pendingSync();
      if (body) sync(body);
    },
    () => {
      // The page may be closing: a keepalive request outlives it (apiFetch's would be aborted).
      const body = pendingSync();
      if (!body) return;
      void fetch(progressPath(progressId), {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).catch(() => undefined);
    },
  );
}
