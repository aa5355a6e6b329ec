'use client';

import { useEffect, useRef } from 'react';
import { ChoiceOption } from '@/components/player/choice-option';
import { StepResult } from '@/components/player/step-result';
import { StepSubmitButton } from '@/components/player/step-submit-button';
import type { QuestPreviewState } from '@/hooks/use-quest-preview';
import type { PreviewStep } from './preview-steps';

/** The learner's task checklist (as components/player/task-step): tick every item, then confirm. */
export function PreviewTask({ step, preview }: { step: PreviewStep; preview: QuestPreviewState }) {
  const draft = preview.draftOf(step.position);
  const items = step.choices ?? [];
  const answered = step.result !== null;
  const allTicked = items.length > 0 && items.every((item) => draft.includes(item.id));
  const shown = answered ? items.map((item) => item.id) : draft;
  const statusId = `step-${step.position}-checklist-status`;
  const resultRef = useRef<HTMLDivElement>(null);
  const justAnswered = useRef(false);

  useEffect(() => {
    if (justAnswered.current && step.result) resultRef.current?.focus();
    justAnswered.current = false;
  }, [step.result]);

  return (
    <form
      className="mt-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (!allTicked || answered) return;
        justAnswered.current = true;
        preview.answer(step, items.map((item) => item.id));
      }}
    >
      <fieldset disabled={answered} aria-describedby={statusId}>
        <legend className="text-sm font-semibold text-slate-900">Checklist</legend>
        <p id={statusId} className="mt-1 text-sm text-slate-600">
          {answered
            ? 'All items done.'
            : `${items.filter((item) => draft.includes(item.id)).length} of ${items.length} done. Tick each item once you have done it.`}
        </p>
        <div className="mt-3 space-y-2">
          {items.map((item) => (
            <ChoiceOption
              key={item.id}
              type="checkbox"
              name={`step-${step.position}-checklist`}
              value={item.id}
              checked={shown.includes(item.id)}
              onChange={() => preview.toggle(step.position, item.id, true)}
            >
              {item.text}
            </ChoiceOption>
          ))}
        </div>
      </fieldset>

      {step.result ? (
        <StepResult ref={resultRef} result={step.result} kind="task" />
      ) : (
        <StepSubmitButton disabled={!allTicked} pending={false} pendingLabel="Saving…">
          Mark task complete
        </StepSubmitButton>
      )}
    </form>
  );
}
