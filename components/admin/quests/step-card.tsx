'use client';

import type { Dispatch } from 'react';
import type { StepKind } from '@/lib/quests/schemas';
import { ChecklistEditor } from './checklist-editor';
import type { DraftStep } from './editor-draft';
import { fieldId, type EditorErrors } from './editor-errors';
import type { EditorAction } from './editor-reducer';
import { FieldError, InputField } from './fields';
import { MarkdownField } from './markdown-field';
import { QuizChoicesEditor } from './quiz-choices-editor';
import { quietDangerButton, smallButton } from '@/components/admin/styles';

export const stepKindLabel: Record<StepKind, string> = { reading: 'Reading', quiz: 'Quiz', task: 'Task' };
const kindStyle: Record<StepKind, string> = {
  reading: 'bg-sky-100 text-sky-900',
  quiz: 'bg-violet-100 text-violet-900',
  task: 'bg-emerald-100 text-emerald-900',
};
const bodyLabel: Record<StepKind, string> = { reading: 'Content', quiz: 'Question', task: 'Instructions' };
const bodyHint: Record<StepKind, string> = {
  reading: 'Markdown, at least 40 characters: ## headings, **bold**, `code`, lists, links, tables, code blocks.',
  quiz: 'The question in Markdown (at least 10 characters).',
  task: 'What to do, in Markdown (at least 40 characters).',
};

/** One step in the editor: its position and kind, move and remove controls, and its fields. */
export function StepCard({
  step,
  index,
  total,
  dispatch,
  errors,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  index: number;
  total: number;
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
  onMove: (by: -1 | 1, button: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  const path = `steps.${index}`;
  const headingId = `${step.key}-heading`;
  const name = `step ${index + 1}${step.title.trim() ? ` (${step.title.trim()})` : ''}`;

  return (
    <article id={fieldId(path)} aria-labelledby={headingId} data-step-key={step.key} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} tabIndex={-1} className="flex items-center gap-2 text-base font-semibold text-slate-900">
          <span>Step {index + 1}</span>
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${kindStyle[step.kind]}`}>{stepKindLabel[step.kind]}</span>
          {!step.id ? <span className="text-xs font-normal text-slate-600">(not saved yet)</span> : null}
        </h3>
        <div className="flex flex-wrap gap-2">
          <button type="button" data-step-action="up" className={smallButton} disabled={index === 0} onClick={() => onMove(-1, 'up')}>
            <span aria-hidden="true">↑</span>
            <span className="sr-only">Move {name} up</span>
          </button>
          <button
            type="button"
            data-step-action="down"
            className={smallButton}
            disabled={index === total - 1}
            onClick={() => onMove(1, 'down')}
          >
            <span aria-hidden="true">↓</span>
            <span className="sr-only">Move {name} down</span>
          </button>
          <button type="button" className={quietDangerButton} onClick={onRemove}>
            Remove<span className="sr-only"> {name}</span>
          </button>
        </div>
      </div>
      <FieldError id={fieldId(path)} errors={errors[path]} />

      <div className="mt-4 space-y-5">
        <InputField
          id={fieldId(`${path}.title`)}
          data-focus-on-add
          label="Step title"
          value={step.title}
          maxLength={120}
          autoComplete="off"
          errors={errors[`${path}.title`]}
          onChange={(e) => dispatch({ type: 'setStepText', key: step.key, field: 'title', value: e.target.value })}
        />
        <MarkdownField
          id={fieldId(`${path}.body`)}
          label={bodyLabel[step.kind]}
          hint={bodyHint[step.kind]}
          rows={step.kind === 'quiz' ? 4 : 10}
          maxLength={step.kind === 'quiz' ? 5000 : 20000}
          value={step.body}
          errors={errors[`${path}.body`]}
          onChange={(value) => dispatch({ type: 'setStepText', key: step.key, field: 'body', value })}
        />
        {step.kind === 'quiz' ? <QuizChoicesEditor step={step} index={index} dispatch={dispatch} errors={errors} /> : null}
        {step.kind === 'task' ? <ChecklistEditor step={step} index={index} dispatch={dispatch} errors={errors} /> : null}
      </div>
    </article>
  );
}
