import { lazy, Suspense, type Ref } from 'react';
import type { PlayerStep } from '@/lib/progress/player-types';
import { StepFrame } from './step-frame';

// Loaded with the first quiz or task on screen: a quest opened on a reading step needs neither.
const QuizStep = lazy(() => import('./quiz-step').then((m) => ({ default: m.QuizStep })));
const TaskStep = lazy(() => import('./task-step').then((m) => ({ default: m.TaskStep })));

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
      controls={(bodyId) => (
        <Suspense fallback={null}>
          {step.kind === 'quiz' ? <QuizStep progressId={progressId} step={step} questionId={bodyId} /> : step.kind === 'task' ? <TaskStep progressId={progressId} step={step} /> : null}
        </Suspense>
      )}
    />
  );
}
