'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
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
 * The quest player's server state: one query (['progress', id]) holding progress, quest and steps,
 * and the mutations that grade answers and move through the quest. Step moves are optimistic:
 * the cached `currentStep` and the screen move at once and roll back if the server refuses.
 */

export const progressQueryKey = (progressId: string) => ['progress', progressId] as const;
const progressPath = (progressId: string) => `/api/progress/${encodeURIComponent(progressId)}`;
/**
 * Every PUT of one progress runs in this mutation scope, so they reach the server in order: a
 * time sync sent just before a step move must not land after it and set `currentStep` back.
 */
const putScope = (progressId: string) => ({ id: `progress-put-${progressId}` });
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
  const queryClient = useQueryClient();
  useEffect(() => {
    const onSynced = (event: Event) => {
      const ids = (event as CustomEvent<{ progressIds: string[] }>).detail?.progressIds ?? [];
      if (ids.includes(progressId)) void queryClient.invalidateQueries({ queryKey: progressQueryKey(progressId) });
    };
    window.addEventListener(PROGRESS_SYNCED_EVENT, onSynced);
    return () => window.removeEventListener(PROGRESS_SYNCED_EVENT, onSynced);
  }, [progressId, queryClient]);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiRequestError ? error.body.message : 'Something went wrong. Please try again.';
}

const isClientError = (error: unknown) => error instanceof ApiRequestError && error.status >= 400 && error.status < 500;

export function useProgressDetail(progressId: string, initialData?: ProgressDetailResponse) {
  return useQuery({
    queryKey: progressQueryKey(progressId),
    queryFn: () => apiFetch<ProgressDetailResponse>(progressPath(progressId)),
    // The page loads the detail with the HTML; the player need not ask again on mount.
    initialData,
    // A 404 or 403 will not change by asking again.
    retry: (count, error) => !isClientError(error) && count < 1,
    // The player is the only writer of this progress; a refetch on focus would only add traffic.
    refetchOnWindowFocus: false,
  });
}

/** The same share the server computes: readings count once passed, quizzes and tasks once answered. */
export function percentageAt(steps: PlayerStep[], currentStep: number): number {
  if (!steps.length) return 100;
  const done = steps.filter((s) => (s.kind === 'reading' ? s.position < currentStep : s.result !== null)).length;
  return Math.round((done / steps.length) * 100);
}

function usePatchDetail(progressId: string) {
  const queryClient = useQueryClient();
  return (patch: (detail: ProgressDetailResponse) => ProgressDetailResponse) =>
    queryClient.setQueryData<ProgressDetailResponse>(progressQueryKey(progressId), (old) => (old ? patch(old) : old));
}

/** Grades a quiz answer or confirms a task; the stored result then shows whenever the step is revisited. */
export function useAnswerStep(progressId: string) {
  const store = useQuestPlayerStoreApi();
  const patchDetail = usePatchDetail(progressId);
  return useMutation({
    mutationKey: ['progress', progressId, 'answer'],
    // Answers are graded on the server, so they are not queued offline; the client event id
    // makes a retry after a lost response safe.
    mutationFn: ({ position, answer }: { position: number; answer: string[] }) =>
      apiFetch<StepAnswerResponse>(`${progressPath(progressId)}/steps/${position}`, {
        body: { answer, clientEventId: crypto.randomUUID() },
      }).catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 0) throw offlineAnswerError();
        throw error;
      }),
    onSuccess: (response, { position, answer }) => {
      patchDetail((detail) => ({
        ...detail,
        progress: response.progress,
        steps: detail.steps.map((step) =>
          step.position === position ? { ...step, result: { answer, correct: response.correct, explanation: response.explanation } } : step,
        ),
      }));
      if (response.achievementsUnlocked?.length) store.getState().announce(announcementsFor(response.achievementsUnlocked));
    },
  });
}

/**
 * Moves the learner's `currentStep` forward (or to `totalSteps`, which completes the quest).
 * Revisiting earlier steps does not call the server: `currentStep` stays the furthest step
 * reached, so resuming lands there.
 */
export function useStepNavigation(progressId: string) {
  const queryClient = useQueryClient();
  const store = useQuestPlayerStoreApi();
  const patchDetail = usePatchDetail(progressId);
  const key = progressQueryKey(progressId);

  const move = useMutation({
    mutationKey: ['progress', progressId, 'move'],
    scope: putScope(progressId),
    // Offline, the move is kept on the device and replayed when back online (lib/offline).
    mutationFn: (body: ProgressUpdateBody) =>
      sendOrQueue<ProgressUpdateResponse>(progressId, progressPath(progressId), 'PUT', { ...body }),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ProgressDetailResponse>(key);
      const { stepIndex, totalSteps, setError, goTo } = store.getState();
      patchDetail((d) => ({ ...d, progress: { ...d.progress, currentStep: body.currentStep, progressPercentage: body.progressPercentage } }));
      setError(null);
      if (body.currentStep < totalSteps) goTo(body.currentStep);
      return { previous, previousIndex: stepIndex };
    },
    onError: (error, _body, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const state = store.getState();
      if (context) state.goTo(context.previousIndex);
      state.setError(errorMessage(error));
    },
    onSuccess: (response, body) => {
      // Queued: the optimistic move stands until the replay reports back.
      if (isQueued(response)) return;
      patchDetail((d) => ({ ...d, progress: response.progress }));
      const state = store.getState();
      if (body.currentStep >= state.totalSteps && response.progress.status === 'completed') {
        const achievementsUnlocked = response.achievementsUnlocked ?? [];
        const level = response.level ?? null;
        state.completeWith({ score: response.progress.score, xpEarned: response.xpEarned ?? 0, achievementsUnlocked, level });
        state.announce(announcementsFor(achievementsUnlocked, level));
      }
    },
  });

  /** Shows step `to` (or finishes at `totalSteps`), telling the server only when it is new ground. */
  function go(to: number) {
    const detail = queryClient.getQueryData<ProgressDetailResponse>(key);
    const { goTo, elapsedSeconds, setError } = store.getState();
    if (!detail || detail.progress.status === 'completed' || to <= detail.progress.currentStep) {
      setError(null);
      goTo(to);
      return;
    }
    const target = Math.min(to, detail.progress.totalSteps);
    move.mutate({ currentStep: target, progressPercentage: percentageAt(detail.steps, target), timeSpent: elapsedSeconds });
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
  const queryClient = useQueryClient();
  const store = useQuestPlayerStoreApi();
  const lastSent = useRef(store.getState().elapsedSeconds);
  const patchDetail = usePatchDetail(progressId);
  const sync = useMutation({
    mutationKey: ['progress', progressId, 'time'],
    scope: putScope(progressId),
    mutationFn: (body: ProgressUpdateBody) => apiFetch<ProgressUpdateResponse>(progressPath(progressId), { method: 'PUT', body }),
    onSuccess: (response) => patchDetail((d) => ({ ...d, progress: { ...d.progress, timeSpent: response.progress.timeSpent } })),
  });

  function pendingSync(): ProgressUpdateBody | null {
    const detail = queryClient.getQueryData<ProgressDetailResponse>(progressQueryKey(progressId));
    const elapsed = store.getState().elapsedSeconds;
    if (!detail || detail.progress.status !== 'in_progress' || elapsed <= lastSent.current) return null;
    // A step move in flight carries the time itself, and its currentStep must not be overwritten.
    if (queryClient.isMutating({ mutationKey: ['progress', progressId] }) > 0) return null;
    lastSent.current = elapsed;
    return { currentStep: detail.progress.currentStep, progressPercentage: detail.progress.progressPercentage, timeSpent: elapsed };
  }

  useVisibleSeconds(
    inProgress,
    () => {
      store.getState().tick();
      if (store.getState().elapsedSeconds - lastSent.current < TIME_SYNC_SECONDS) return;
      const body = pendingSync();
      if (body) sync.mutate(body);
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
