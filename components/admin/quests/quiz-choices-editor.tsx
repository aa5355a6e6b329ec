'use client';

import { useRef, type Dispatch } from 'react';
import { useFocusOnAdd } from '@/hooks/use-quest-editor-focus';
import type { DraftStep } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import { MAX_CHOICES, type EditorAction } from './editor-reducer';
import { FieldError, TextareaField, describedBy } from './fields';
import { inputClass, secondaryButton, smallButton } from '@/components/admin/styles';

type QuizStep = Extract<DraftStep, { kind: 'quiz' }>;

const MIN_CHOICES = 2;

/**
 * A quiz's choices with its answer key: each row marks whether the choice is right (a radio,
 * or a checkbox once several answers are allowed), its text, and a remove button. Choice ids
 * (a, b, c…) are made here; the admin never types one.
 */
export function QuizChoicesEditor({
  step,
  index,
  dispatch,
  errors,
}: {
  step: QuizStep;
  index: number;
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
}) {
  const path = `steps.${index}`;
  const choicesId = fieldId(`${path}.choices`);
  const correctId = fieldId(`${path}.answer.correct`);
  const multipleId = fieldId(`${path}.allowMultiple`);
  const { containerRef, expectAdd } = useFocusOnAdd<HTMLUListElement>(step.choices.length);
  const correctErrors = errors[`${path}.answer.correct`];
  const addRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="space-y-5">
      <fieldset id={choicesId} aria-describedby={describedBy(choicesId, true, errors[`${path}.choices`])}>
        <legend className="text-sm font-medium text-slate-900">Choices and the right answer</legend>
        <p id={`${choicesId}-hint`} className="mt-1 text-xs text-slate-600">
          {MIN_CHOICES}–{MAX_CHOICES} choices. Mark the right {step.allowMultiple ? 'answers' : 'answer'} on the left; choice text may
          use inline Markdown such as `code`.
        </p>
        <FieldError id={choicesId} errors={errors[`${path}.choices`]} />

        <div id={correctId} className="mt-3">
          <FieldError id={correctId} errors={correctErrors} />
          <ul ref={containerRef} className="mt-1 space-y-2">
            {step.choices.map((choice, choiceIndex) => {
              const letter = choice.id.toUpperCase();
              const textId = fieldId(`${path}.choices.${choiceIndex}.text`);
              const textErrors = errors[`${path}.choices.${choiceIndex}.text`];
              const isCorrect = step.correct.includes(choice.id);
              return (
                <li
                  key={choice.id}
                  className={`flex items-start gap-2 rounded-lg p-2 ring-1 ring-inset ${isCorrect ? 'bg-emerald-50 ring-emerald-300' : 'bg-white ring-slate-200'}`}
                >
                  <label className="flex min-h-11 shrink-0 cursor-pointer items-center gap-2 px-1 text-xs font-semibold text-slate-700">
                    <input
                      type={step.allowMultiple ? 'checkbox' : 'radio'}
                      name={`${step.key}-correct`}
                      checked={isCorrect}
                      aria-describedby={correctErrors?.length ? `${correctId}-error` : undefined}
                      onChange={() => dispatch({ type: 'toggleCorrect', key: step.key, choiceId: choice.id })}
                      className="size-5 accent-emerald-700"
                    />
                    <span aria-hidden="true">Right</span>
                    <span className="sr-only">Choice {letter} is right</span>
                  </label>
                  <div className="min-w-0 flex-1">
                    <label htmlFor={textId} className="sr-only">
                      Choice {letter}
                    </label>
                    <input
                      id={textId}
                      data-focus-on-add
                      value={choice.text}
                      maxLength={500}
                      autoComplete="off"
                      placeholder={`Choice ${letter}`}
                      aria-invalid={textErrors?.length ? true : undefined}
                      aria-describedby={describedBy(textId, false, textErrors)}
                      className={`${inputClass(Boolean(textErrors?.length))} mt-0`}
                      onChange={(e) => dispatch({ type: 'setChoice', key: step.key, choiceId: choice.id, text: e.target.value })}
                    />
                    <FieldError id={textId} errors={textErrors} />
                  </div>
                  <button
                    type="button"
                    className={smallButton}
                    disabled={step.choices.length <= MIN_CHOICES}
                    onClick={() => {
                      dispatch({ type: 'removeChoice', key: step.key, choiceId: choice.id });
                      // After the re-render: the button may have been disabled at the limit until now.
                      setTimeout(() => addRef.current?.focus());
                    }}
                  >
                    <span aria-hidden="true">✕</span>
                    <span className="sr-only">Remove choice {letter}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <button
          ref={addRef}
          type="button"
          className={`${secondaryButton} mt-3`}
          disabled={step.choices.length >= MAX_CHOICES}
          onClick={() => {
            expectAdd();
            dispatch({ type: 'addChoice', key: step.key });
          }}
        >
          <span aria-hidden="true">+</span> Add choice
        </button>
      </fieldset>

      <div className="flex items-start gap-3">
        <input
          id={multipleId}
          type="checkbox"
          checked={step.allowMultiple}
          onChange={(e) => dispatch({ type: 'setAllowMultiple', key: step.key, value: e.target.checked })}
          aria-describedby={`${multipleId}-hint`}
          className="mt-0.5 size-5 shrink-0 rounded accent-brand-600"
        />
        <div>
          <label htmlFor={multipleId} className="text-sm font-medium text-slate-900">
            Several answers are right
          </label>
          <p id={`${multipleId}-hint`} className="text-xs text-slate-600">
            Learners see checkboxes and must pick every right answer.
          </p>
        </div>
      </div>

      <TextareaField
        id={fieldId(`${path}.answer.explanation`)}
        label="Explanation"
        rows={3}
        maxLength={2000}
        value={step.explanation}
        hint="Shown after the learner answers, right or wrong (Markdown)."
        errors={errors[`${path}.answer.explanation`]}
        onChange={(e) => dispatch({ type: 'setStepText', key: step.key, field: 'explanation', value: e.target.value })}
      />
    </div>
  );
}
