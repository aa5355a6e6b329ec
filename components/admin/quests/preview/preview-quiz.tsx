'use client';

import { useEffect, useRef } from 'react';
import { InlineMarkdown } from '@/components/markdown/markdown';
import { ChoiceOption } from '@/components/player/choice-option';
import { StepResult } from '@/components/player/step-result';
import { StepSubmitButton } from '@/components/player/step-submit-button';
import type { QuestPreviewState } from '@/hooks/use-quest-preview';
import type { PreviewStep } from './preview-steps';

/**
 * The learner's quiz (same controls, texts and result card as components/player/quiz-step),
 * graded in the browser. After answering, the admin may try again — a preview-only extra.
 */
export function PreviewQuiz({ step, preview, questionId }: { step: PreviewStep; preview: QuestPreviewState; questionId: string }) {
  const draft = preview.draftOf(step.position);
  const answered = step.result !== null;
  const selected = step.result?.answer ?? draft;
  const multiple = step.allowMultiple;
  const legendHintId = `step-${step.position}-hint`;
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
        if (!draft.length || answered) return;
        justAnswered.current = true;
        preview.answer(step, draft);
      }}
    >
      <fieldset disabled={answered} aria-describedby={multiple && !answered ? `${questionId} ${legendHintId}` : questionId}>
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
              onChange={() => preview.toggle(step.position, choice.id, multiple)}
            >
              <InlineMarkdown>{choice.text}</InlineMarkdown>
            </ChoiceOption>
          ))}
        </div>
      </fieldset>

      {step.result ? (
        <>
          <StepResult ref={resultRef} result={step.result} kind="quiz" />
          <button
            type="button"
            onClick={() => preview.clearAnswer(step.position)}
            className="mt-3 min-h-11 rounded-lg px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50 hover:text-brand-800"
          >
            Answer again <span className="font-normal">(preview only)</span>
          </button>
        </>
      ) : (
        <StepSubmitButton disabled={!draft.length} pending={false} pendingLabel="Checking…">
          Check answer
        </StepSubmitButton>
      )}
    </form>
  );
}
