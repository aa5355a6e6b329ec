'use client';

import { useRef, type Dispatch } from 'react';
import { useFocusOnAdd } from '@/hooks/use-quest-editor-focus';
import { MAX_OBJECTIVES } from '@/lib/admin/quests/schemas';
import type { DraftItem } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import type { EditorAction } from './editor-reducer';
import { FieldError, describedBy } from './fields';
import { inputClass, secondaryButton, smallButton } from '@/components/admin/styles';

/** "What you will learn": one input per objective, added and removed in place. */
export function ObjectivesField({
  objectives,
  dispatch,
  errors,
}: {
  objectives: DraftItem[];
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
}) {
  const groupId = fieldId('objectives');
  const { containerRef, expectAdd } = useFocusOnAdd<HTMLOListElement>(objectives.length);
  // A removed item took focus with it: "Add objective" is the next sensible place.
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <fieldset id={groupId} aria-describedby={describedBy(groupId, true, errors.objectives)}>
      <legend className="text-base font-semibold text-slate-900">What learners will learn</legend>
      <p id={`${groupId}-hint`} className="mt-1 text-sm text-slate-600">
        Up to {MAX_OBJECTIVES} objectives; publishing needs at least one.
      </p>
      <FieldError id={groupId} errors={errors.objectives} />
      <ol ref={containerRef} className="mt-3 space-y-3">
        {objectives.map((objective, index) => {
          const id = fieldId(`objectives.${index}`);
          const own = errors[`objectives.${index}`];
          return (
            <li key={objective.key} className="flex items-start gap-2">
              <div className="min-w-0 flex-1">
                <label htmlFor={id} className="sr-only">
                  Objective {index + 1}
                </label>
                <input
                  id={id}
                  data-focus-on-add
                  value={objective.text}
                  maxLength={200}
                  autoComplete="off"
                  aria-invalid={own?.length ? true : undefined}
                  aria-describedby={describedBy(id, false, own)}
                  className={`${inputClass(Boolean(own?.length))} mt-0`}
                  onChange={(e) => dispatch({ type: 'setObjective', key: objective.key, text: e.target.value })}
                />
                <FieldError id={id} errors={own} />
              </div>
              <button
                type="button"
                className={smallButton}
                onClick={() => {
                  dispatch({ type: 'removeObjective', key: objective.key });
                  // After the re-render: the button may have been disabled at the limit until now.
                  setTimeout(() => addRef.current?.focus());
                }}
              >
                <span aria-hidden="true">✕</span>
                <span className="sr-only">Remove objective {index + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className={`${secondaryButton} mt-3`}
        disabled={objectives.length >= MAX_OBJECTIVES}
        onClick={() => {
          expectAdd();
          dispatch({ type: 'addObjective' });
        }}
      >
        <span aria-hidden="true">+</span> Add objective
      </button>
    </fieldset>
  );
}
