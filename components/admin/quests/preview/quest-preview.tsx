'use client';

import { useMemo, useRef } from 'react';
import { StepNav } from '@/components/player/step-nav';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { useQuestPreview } from '@/hooks/use-quest-preview';
import type { QuestEditorView } from '@/lib/admin/quests/types';
import { PreviewBanner } from './preview-banner';
import { PreviewHeader } from './preview-header';
import { PreviewOverview, type PreviewPrerequisite } from './preview-overview';
import { PreviewStepView } from './preview-step-view';
import { previewStepsOf } from './preview-steps';
import { PreviewSummary } from './preview-summary';

/**
 * A quest as a learner meets it — overview, then each step in the player, then the finish
 * screen — built from the learner's own components, walked entirely in the browser.
 */
export function QuestPreview({ quest, prerequisites }: { quest: QuestEditorView; prerequisites: PreviewPrerequisite[] }) {
  const baseSteps = useMemo(() => previewStepsOf(quest), [quest]);
  const preview = useQuestPreview(baseSteps);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { view, step, stepIndex, total } = preview;
  // Focus follows the admin to each new screen's heading, as in the player.
  useFocusOnChange(view === 'steps' ? `step-${stepIndex}` : view, headingRef);

  return (
    <div className="space-y-6">
      <PreviewBanner questId={quest.id} status={quest.status} />
      {view === 'overview' ? (
        <PreviewOverview quest={quest} steps={baseSteps} prerequisites={prerequisites} headingRef={headingRef} onStart={preview.start} />
      ) : (
        <div className="mx-auto max-w-3xl space-y-6">
          <PreviewHeader
            quest={quest}
            position={view === 'summary' ? 'Completed' : `Step ${stepIndex + 1} of ${total}`}
            percentage={preview.percentage}
            onOverview={preview.showOverview}
          />
          {view === 'summary' ? (
            <PreviewSummary quest={quest} score={preview.score} headingRef={headingRef} onReview={preview.review} onRestart={preview.restart} />
          ) : step ? (
            <div>
              <PreviewStepView key={step.position} step={step} totalSteps={total} preview={preview} headingRef={headingRef} />
              <StepNav
                stepIndex={stepIndex}
                totalSteps={total}
                kind={step.kind}
                done={step.kind === 'reading' || step.result !== null}
                pending={false}
                reviewing={preview.completed}
                onGo={preview.go}
                onSummary={preview.showSummary}
              />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
