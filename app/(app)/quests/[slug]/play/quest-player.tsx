'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import { PrerenderedMarkdownProvider } from '@/components/player/player-markdown';
import { PlayerScreen } from '@/components/player/player-screen';
import { PlayerSkeleton } from '@/components/player/player-skeleton';
import { ProgressDetailProvider } from '@/components/player/progress-detail-provider';
import { QuestPlayerStoreProvider } from '@/components/player/quest-player-store-provider';
import { useProgressDetail } from '@/hooks/use-quest-player';
import type { ProgressDetailResponse } from '@/lib/progress/player-types';

const PlayerError = lazy(() => import('@/components/player/player-error').then((m) => ({ default: m.PlayerError })));

/**
 * The quest player: loads the learner's progress, quest and steps (handed over by the page when
 * it could), then starts a player store at the step the learner had reached (or the summary when
 * the quest is already completed).
 */
export function QuestPlayer({
  progressId,
  slug,
  initialDetail = null,
  markdown = {},
}: {
  progressId: string;
  slug: string;
  initialDetail?: ProgressDetailResponse | null;
  /** Markdown the server rendered, by markdownKey. */
  markdown?: Record<string, ReactNode>;
}) {
  return (
    <ProgressDetailProvider key={progressId} progressId={progressId} initialData={initialDetail ?? undefined}>
      <LoadedPlayer progressId={progressId} slug={slug} markdown={markdown} />
    </ProgressDetailProvider>
  );
}

function LoadedPlayer({ progressId, slug, markdown }: { progressId: string; slug: string; markdown: Record<string, ReactNode> }) {
  const query = useProgressDetail(progressId);

  if (!query.data) {
    return query.isError ? (
      <Suspense fallback={<PlayerSkeleton />}>
        <PlayerError error={query.error} slug={slug} onRetry={() => void query.refetch()} />
      </Suspense>
    ) : (
      <PlayerSkeleton />
    );
  }

  const { progress, steps } = query.data;
  return (
    <PrerenderedMarkdownProvider rendered={markdown}>
      <QuestPlayerStoreProvider
        key={progressId}
        init={{
          progressId,
          totalSteps: steps.length,
          currentStep: progress.currentStep,
          completed: progress.status === 'completed',
          timeSpent: progress.timeSpent,
        }}
      >
        <PlayerScreen detail={query.data} />
      </QuestPlayerStoreProvider>
    </PrerenderedMarkdownProvider>
  );
}
