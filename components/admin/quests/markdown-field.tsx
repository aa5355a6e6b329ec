'use client';

import { useDeferredValue, useState } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { FieldMessages, describedBy } from './fields';
import { inputClass, labelClass } from '@/components/admin/styles';

const toggleClass =
  'min-h-11 flex-1 rounded-md px-3 text-sm font-semibold text-slate-700 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm';

/**
 * A Markdown textarea with a live preview rendered by the learners' own Markdown component:
 * side by side on wide screens, Write / Preview toggles on phones. The preview trails typing
 * slightly (deferred) so long bodies stay responsive.
 */
export function MarkdownField({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  rows = 10,
  maxLength,
  headingOffset = 1,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  hint?: string;
  rows?: number;
  maxLength?: number;
  headingOffset?: number;
}) {
  const [showPreview, setShowPreview] = useState(false);
  const deferred = useDeferredValue(value);

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        <div role="group" aria-label={`${label}: show`} className="flex w-full gap-1 rounded-lg bg-slate-100 p-1 sm:w-auto lg:hidden">
          <button type="button" aria-pressed={!showPreview} className={toggleClass} onClick={() => setShowPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={showPreview} className={toggleClass} onClick={() => setShowPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      <div className="mt-1 grid gap-4 lg:grid-cols-2">
        <div className={showPreview ? 'max-lg:hidden' : ''}>
          <textarea
            id={id}
            value={value}
            rows={rows}
            maxLength={maxLength}
            spellCheck
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(id, hint ?? true, errors)}
            className={`${inputClass(Boolean(errors?.length))} mt-0 font-mono text-sm leading-6`}
            onChange={(e) => onChange(e.target.value)}
          />
          <FieldMessages id={id} hint={hint ?? 'Markdown: ## headings, **bold**, `code`, lists, links, tables.'} errors={errors} />
        </div>
        <div
          role="region"
          aria-label={`Preview: ${label}`}
          className={`min-w-0 rounded-lg border border-dashed border-slate-300 bg-slate-50/60 p-4 ${showPreview ? '' : 'max-lg:hidden'}`}
        >
          <p className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase" aria-hidden="true">
            Preview
          </p>
          {deferred.trim() ? (
            <Markdown headingOffset={headingOffset}>{deferred}</Markdown>
          ) : (
            <p className="text-sm text-slate-600">Nothing to preview yet.</p>
          )}
        </div>
      </div>
    </div>
  );
}
