'use client';

import { useRef, type Dispatch } from 'react';
import { useFocusOnAdd } from '@/hooks/use-quest-editor-focus';
import type { DraftStep } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import { MAX_CHECKLIST_ITEMS, type EditorAction } from './editor-reducer';
import { FieldError, describedBy } from './fields';
import { inputClass, secondaryButton, smallButton } from '@/components/admin/styles';

type TaskStep = Extract<DraftStep, { kind: 'task' }>;

/** A task's checklist: what the learner ticks off before confirming the task (plain text). */
export function ChecklistEditor({
  step,
  index,
  dispatch,
  errors,
}: {
  step: TaskStep;
  index: number;
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
}) {
  const path = `steps.${index}.checklist`;
  const groupId = fieldId(path);
  const { containerRef, expectAdd } = useFocusOnAdd<HTMLOListElement>(step.checklist.length);
  const addRef = useRef<HTMLButtonElement>(null);

  return (
    <fieldset id={groupId} aria-describedby={describedBy(groupId, true, errors[path])}>
      <legend className="text-sm font-medium text-slate-900">Checklist</legend>
      <p id={`${groupId}-hint`} className="mt-1 text-xs text-slate-600">
        1–{MAX_CHECKLIST_ITEMS} items the learner ticks once done. Plain text: tags like &lt;nav&gt; show as typed.
      </p>
      <FieldError id={groupId} errors={errors[path]} />
      <ol ref={containerRef} className="mt-3 space-y-2">
        {step.checklist.map((item, itemIndex) => {
          const id = fieldId(`${path}.${itemIndex}`);
          const own = errors[`${path}.${itemIndex}`];
          return (
            <li key={item.key} className="flex items-start gap-2">
              <div className="min-w-0 flex-1">
                <label htmlFor={id} className="sr-only">
                  Checklist item {itemIndex + 1}
                </label>
                <input
                  id={id}
                  data-focus-on-add
                  value={item.text}
                  maxLength={300}
                  autoComplete="off"
                  placeholder={`Item ${itemIndex + 1}`}
                  aria-invalid={own?.length ? true : undefined}
                  aria-describedby={describedBy(id, false, own)}
                  className={`${inputClass(Boolean(own?.length))} mt-0`}
                  onChange={(e) => dispatch({ type: 'setChecklistItem', key: step.key, itemKey: item.key, text: e.target.value })}
                />
                <FieldError id={id} errors={own} />
              </div>
              <button
                type="button"
                className={smallButton}
                disabled={step.checklist.length <= 1}
                onClick={() => {
                  dispatch({ type: 'removeChecklistItem', key: step.key, itemKey: item.key });
                  // After the re-render: the button may have been disabled at the limit until now.
                  setTimeout(() => addRef.current?.focus());
                }}
              >
                <span aria-hidden="true">✕</span>
                <span className="sr-only">Remove checklist item {itemIndex + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className={`${secondaryButton} mt-3`}
        disabled={step.checklist.length >= MAX_CHECKLIST_ITEMS}
        onClick={() => {
          expectAdd();
          dispatch({ type: 'addChecklistItem', key: step.key });
        }}
      >
        <span aria-hidden="true">+</span> Add item
      </button>
    </fieldset>
  );
}
