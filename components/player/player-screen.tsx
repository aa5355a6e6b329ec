'use client';

import { useEffect, useRef } from 'react';
import { OfflineSyncStatus } from '@/components/pwa/offline-sync-status';
import { tellServiceWorker } from '@/components/pwa/service-worker';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { useRefetchAfterOfflineSync, useTimeTracking } from '@/hooks/use-quest-player';
import type { ProgressDetailResponse } from '@/lib/progress/player-types';
import { useQuestPlayerStore } from '@/store/quest-player-store';
import { FinishScreen } from './finish-screen';
import { PlayerHeader } from './player-header';
import { PlayerSteps } from './player-steps';
import { PlayerToasts } from './player-toasts';

/**
 * The loaded player: header, then either the current step or the summary. Focus follows the
 * learner to the new heading whenever the step or the view changes; visible time is counted; the
 * quest is kept for offline reading and progress saved offline is reported.
 */
export function PlayerScreen({ detail }: { detail: ProgressDetailResponse }) {
  const { quest, progress } = detail;
  const view = useQuestPlayerStore((s) => s.view);
  const stepIndex = useQuestPlayerStore((s) => s.stepIndex);
  const finish = useQuestPlayerStore((s) => s.finish);
  const review = useQuestPlayerStore((s) => s.review);
  const hasToasts = useQuestPlayerStore((s) => s.announcements.length > 0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useFocusOnChange(view === 'steps' ? `step-${stepIndex}` : 'summary', headingRef);
  useTimeTracking(progress.id, progress.status === 'in_progress');
  useRefetchAfterOfflineSync(progress.id);
  // Keep this quest readable offline (it may have been opened by a client-side navigation), and
  // refresh the kept copy once a move has settled, so an offline reload resumes where the learner
  // is. Offline the worker's fetch fails and the copy it has stays.
  useEffect(() => {
    const timer = window.setTimeout(
      () => tellServiceWorker({ type: 'cache-quest', urls: [window.location.pathname, `/api/progress/${progress.id}`] }),
      1500,
    );
    return () => window.clearTimeout(timer);
  }, [progress.id, progress.currentStep, progress.status]);

  return (
    // Room at the bottom so toasts never hide the last links.
    <div className={`mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-10 ${hasToasts ? 'pb-48 sm:pb-40' : ''}`}>
      <PlayerHeader quest={quest} progress={progress} stepIndex={stepIndex} showingSummary={view === 'summary'} />
      <OfflineSyncStatus />
      {view === 'summary' ? (
        <FinishScreen quest={quest} progress={progress} finish={finish} headingRef={headingRef} onReview={review} />
      ) : (
        <div>
          <PlayerSteps detail={detail} headingRef={headingRef} />
        </div>
      )}
      <PlayerToasts />
    </div>
  );
}
