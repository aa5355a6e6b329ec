import type { Ref } from 'react';
import { StepFrame } from '@/components/player/step-frame';
import type { QuestPreviewState } from '@/hooks/use-quest-preview';
import { PreviewQuiz } from './preview-quiz';
import type { PreviewStep } from './preview-steps';
import { PreviewTask } from './preview-task';

/** One step in the learner's frame (components/player/step-frame), with the preview's quiz and task. */
export function PreviewStepView({
  step,
  totalSteps,
  preview,
  headingRef,
}: {
  step: PreviewStep;
  totalSteps: number;
  preview: QuestPreviewState;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <StepFrame
      step={step}
      totalSteps={totalSteps}
      headingRef={headingRef}
      controls={(bodyId) =>
        step.kind === 'quiz' ? <PreviewQuiz step={step} preview={preview} questionId={bodyId} /> : step.kind === 'task' ? <PreviewTask step={step} preview={preview} /> : null
      }
    />
  );
}
