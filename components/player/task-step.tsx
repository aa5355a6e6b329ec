'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useStepAnswer } from '@/hooks/use-step-answer';
import { errorMessage } from '@/hooks/use-quest-player';
import type { PlayerStep } from '@/lib/progress/player-types';
import { ChoiceOption } from './choice-option';
import { StepResult } from './step-result';
import { StepSubmitButton } from './step-submit-button';

/**
 * A hands-on task: the learner ticks every checklist item, then confirms. Checklist items are
 * plain text (they name HTML tags like `<nav>` literally), unlike quiz options which are Markdown.
 */
export function TaskStep({ progressId, step }: { progressId: string; step: PlayerStep }) {
  const { answered, selected, draft, toggle, submit, pending, error, resultRef } = useStepAnswer(progressId, step);
  const items = step.choices ?? [];
  const allTicked = items.length > 0 && items.every((item) => draft.includes(item.id));
  const shown = answered ? items.map((item) => item.id) : selected;
  const statusId = `step-${step.position}-checklist-status`;

  return (
    <form
      className="mt-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (allTicked && !answered) submit(items.map((item) => item.id));
      }}
    >
      <fieldset disabled={answered || pending} aria-describedby={statusId}>
        <legend className="text-sm font-semibold text-slate-900">Checklist</legend>
        <p id={statusId} className="mt-1 text-sm text-slate-600">
          {answered ? 'All items done.' : `${items.filter((item) => draft.includes(item.id)).length} of ${items.length} done. Tick each item once you have done it.`}
        </p>
        <div className="mt-3 space-y-2">
          {items.map((item) => (
            <ChoiceOption
              key={item.id}
              type="checkbox"
              name={`step-${step.position}-checklist`}
              value={item.id}
              checked={shown.includes(item.id)}
              onChange={() => toggle(item.id)}
            >
              {item.text}
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
        <StepResult ref={resultRef} result={step.result} kind="task" />
      ) : (
        <StepSubmitButton disabled={!allTicked} pending={pending} pendingLabel="Saving…">
          Mark task complete
        </StepSubmitButton>
      )}
    </form>
  );
}
