'use client';

import { useId, useMemo, useState, type Dispatch } from 'react';
import { MAX_PREREQUISITES } from '@/lib/admin/quests/schemas';
import type { QuestOption } from '@/lib/admin/quests/types';
import { fieldId, type EditorErrors } from './editor-errors';
import type { EditorAction } from './editor-reducer';
import { FieldError, describedBy } from './fields';
import { QuestStatusBadge } from './quest-status-badge';
import { inputClass, smallButton } from '@/components/admin/styles';

/**
 * Prerequisites picked from the other quests: the chosen ones in order (removable), then a
 * filterable list of checkboxes. Plain form controls, so keyboard and screen readers just work.
 */
export function PrerequisitePicker({
  options,
  questId,
  selected,
  dispatch,
  errors,
}: {
  options: QuestOption[];
  /** The quest being edited (it cannot require itself); null while new. */
  questId: string | null;
  selected: string[];
  dispatch: Dispatch<EditorAction>;
  errors: EditorErrors;
}) {
  const [filter, setFilter] = useState('');
  const filterId = fieldId('prerequisites');
  const listHintId = useId();
  const candidates = useMemo(() => options.filter((o) => o.id !== questId), [options, questId]);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? candidates.filter((o) => o.title.toLowerCase().includes(needle) || o.slug.includes(needle))
    : candidates;
  const full = selected.length >= MAX_PREREQUISITES;

  return (
    <fieldset aria-describedby={describedBy(filterId, false, errors.prerequisites)}>
      <legend className="text-base font-semibold text-slate-900">Prerequisites</legend>
      <p className="mt-1 text-sm text-slate-600">
        Quests a learner must complete before starting this one (up to {MAX_PREREQUISITES}).
      </p>
      <FieldError id={filterId} errors={errors.prerequisites} />

      {selected.length ? (
        <ol aria-label="Chosen prerequisites" className="mt-3 space-y-2">
          {selected.map((id, index) => {
            const quest = byId.get(id);
            const title = quest?.title ?? 'A quest that no longer exists';
            return (
              <li key={id} className="flex items-center gap-2 rounded-lg bg-slate-50 p-2 pl-3 ring-1 ring-slate-200">
                <span className="text-sm text-slate-600">{index + 1}.</span>
                <span className="min-w-0 flex-1 text-sm font-medium break-words text-slate-900">{title}</span>
                {quest ? <QuestStatusBadge status={quest.status} /> : null}
                <button type="button" className={smallButton} onClick={() => dispatch({ type: 'togglePrerequisite', id })}>
                  <span aria-hidden="true">✕</span>
                  <span className="sr-only">Remove prerequisite {title}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-slate-700">None: learners can start right away.</p>
      )}

      <div className="mt-4">
        <label htmlFor={filterId} className="block text-sm font-medium text-slate-900">
          Find quests
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          autoComplete="off"
          placeholder="Title or slug"
          aria-controls={`${filterId}-list`}
          aria-describedby={listHintId}
          className={inputClass(Boolean(errors.prerequisites?.length))}
          onChange={(e) => setFilter(e.target.value)}
        />
        <p id={listHintId} className="mt-1 text-xs text-slate-600" aria-live="polite">
          {shown.length === 1 ? '1 quest' : `${shown.length} quests`}
          {needle ? ` match “${filter.trim()}”` : ''}
          {full ? `. The limit of ${MAX_PREREQUISITES} is reached.` : ''}
        </p>
      </div>
      <ul
        id={`${filterId}-list`}
        aria-label="Quests to require"
        className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-lg p-1 ring-1 ring-slate-200"
      >
        {shown.map((quest) => {
          const checked = selected.includes(quest.id);
          return (
            <li key={quest.id}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && full}
                  onChange={() => dispatch({ type: 'togglePrerequisite', id: quest.id })}
                  className="size-5 shrink-0 rounded accent-brand-600"
                />
                <span className="min-w-0 flex-1 text-sm break-words text-slate-900">{quest.title}</span>
                <QuestStatusBadge status={quest.status} />
              </label>
            </li>
          );
        })}
        {shown.length === 0 ? <li className="px-2 py-3 text-sm text-slate-600">No other quests match.</li> : null}
      </ul>
    </fieldset>
  );
}
