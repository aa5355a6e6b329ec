'use client';

import type { Ref } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { useStepNavigation } from '@/hooks/use-quest-player';
import type { ProgressDetailResponse } from '@/lib/progress/player-types';
import { useQuestPlayerStore } from '@/store/quest-player-store';
import { StepNav } from './step-nav';
import { StepView } from './step-view';

/** The step on screen with its navigation, and the alert when a move was refused. */
export function PlayerSteps({ detail, headingRef }: { detail: ProgressDetailResponse; headingRef: Ref<HTMLHeadingElement> }) {
  const { progress, steps } = detail;
  const stepIndex = useQuestPlayerStore((s) => s.stepIndex);
  const error = useQuestPlayerStore((s) => s.error);
  const showSummary = useQuestPlayerStore((s) => s.showSummary);
  const navigation = useStepNavigation(progress.id);
  const step = steps[stepIndex];
  if (!step) return null;

  return (
    <>
      <StepView key={step.position} progressId={progress.id} step={step} totalSteps={steps.length} headingRef={headingRef} />
      {error ? (
        <div className="mt-4">
          <FormAlert>{error}</FormAlert>
        </div>
      ) : null}
      <StepNav
        stepIndex={stepIndex}
        totalSteps={steps.length}
        kind={step.kind}
        done={step.kind === 'reading' || step.result !== null}
        pending={navigation.pending}
        reviewing={progress.status === 'completed'}
        onGo={navigation.go}
        onSummary={showSummary}
      />
    </>
  );
}
