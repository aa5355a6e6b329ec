'use client';

import { PlayerError } from '@/components/player/player-error';
import { PlayerScreen } from '@/components/player/player-screen';
import { PlayerSkeleton } from '@/components/player/player-skeleton';
import { QuestPlayerStoreProvider } from '@/components/player/quest-player-store-provider';
import { useProgressDetail } from '@/hooks/use-quest-player';

/**
 * The quest player: loads the learner's progress, quest and steps, then starts a player store at
 * the step the learner had reached (or the summary when the quest is already completed).
 */
export function QuestPlayer({ progressId, slug }: { progressId: string; slug: string }) {
  const query = useProgressDetail(progressId);

  if (!query.data) {
    return query.isError ? <PlayerError error={query.error} slug={slug} onRetry={() => void query.refetch()} /> : <PlayerSkeleton />;
  }

  const { progress, steps } = query.data;
  return (
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
  );
}
