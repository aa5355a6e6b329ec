'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useStepAnswer } from '@/hooks/use-step-answer';
import { errorMessage } from '@/hooks/use-quest-player';
import type { PlayerStep } from '@/lib/progress/player-types';
import { ChoiceOption } from './choice-option';
import { PlayerMarkdown } from './player-markdown';
import { StepResult } from './step-result';
import { StepSubmitButton } from './step-submit-button';

/**
 * A quiz: radios (one right answer) or checkboxes (`allowMultiple`) in a fieldset, graded by the
 * server on "Check answer". Once answered the choice is final and shown with its explanation.
 */
export function QuizStep({ progressId, step, questionId }: { progressId: string; step: PlayerStep; questionId: string }) {
  const { answered, selected, draft, toggle, submit, pending, error, resultRef } = useStepAnswer(progressId, step);
  const multiple = step.allowMultiple;
  const legendHintId = `step-${step.position}-hint`;

  return (
    <form
      className="mt-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.length && !answered) submit(draft);
      }}
    >
      <fieldset disabled={answered || pending} aria-describedby={multiple && !answered ? `${questionId} ${legendHintId}` : questionId}>
        <legend className="text-sm font-semibold text-slate-900">{multiple ? 'Choose all answers that apply' : 'Choose one answer'}</legend>
        {multiple && !answered ? (
          <p id={legendHintId} className="mt-1 text-sm text-slate-600">
            More than one answer is right.
          </p>
        ) : null}
        <div className="mt-3 space-y-2">
          {(step.choices ?? []).map((choice) => (
            <ChoiceOption
              key={choice.id}
              type={multiple ? 'checkbox' : 'radio'}
              name={`step-${step.position}-answer`}
              value={choice.id}
              checked={selected.includes(choice.id)}
              onChange={() => toggle(choice.id)}
            >
              <PlayerMarkdown variant="inline">{choice.text}</PlayerMarkdown>
            </ChoiceOption>
          ))}
        </div>
      </fieldset>

      {error ? (
        <div className="mt-4">
          <FormAlert>{errorMessage(error)}</FormAlert>
        </div>
      ) : null}

      {step.result ? (
        <StepResult ref={resultRef} result={step.result} kind="quiz" />
      ) : (
        <StepSubmitButton disabled={!draft.length} pending={pending} pendingLabel="Checking…">
          Check answer
        </StepSubmitButton>
      )}
    </form>
  );
}
