import type { Ref } from 'react';
import type { PlayerStep } from '@/lib/progress/player-types';
import { QuizStep } from './quiz-step';
import { StepFrame } from './step-frame';
import { TaskStep } from './task-step';

/**
 * One step: its heading (h2, focus target when the step changes), the Markdown body with its
 * headings shifted below the h2, and the quiz or task controls.
 */
export function StepView({
  progressId,
  step,
  totalSteps,
  headingRef,
}: {
  progressId: string;
  step: PlayerStep;
  totalSteps: number;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <StepFrame
      step={step}
      totalSteps={totalSteps}
      headingRef={headingRef}
      controls={(bodyId) =>
        step.kind === 'quiz' ? <QuizStep progressId={progressId} step={step} questionId={bodyId} /> : step.kind === 'task' ? <TaskStep progressId={progressId} step={step} /> : null
      }
    />
  );
}
