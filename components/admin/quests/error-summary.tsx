'use client';

import { describePath, fieldId, orderedPaths, type EditorErrors } from './editor-errors';

/**
 * What stops the quest from saving, at the top of the form: the message, then one link per
 * problem that moves focus to its field (in page order).
 */
export function ErrorSummary({
  message,
  errors,
  onFocusField,
}: {
  message: string | null;
  errors: EditorErrors;
  onFocusField: (path: string) => void;
}) {
  const paths = orderedPaths(errors, typeof document === 'undefined' ? undefined : document);
  if (!message && paths.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="editor-error-summary-title" className="rounded-xl bg-rose-50 p-4 ring-1 ring-inset ring-rose-200">
      <h2 id="editor-error-summary-title" className="font-semibold text-rose-900">
        {message ?? 'Please fix these problems.'}
      </h2>
      {paths.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-rose-900">
          {paths.map((path) => (
            <li key={path}>
              <a
                href={`#${fieldId(path)}`}
                className="font-medium underline underline-offset-2 hover:text-rose-950"
                onClick={(event) => {
                  event.preventDefault();
                  onFocusField(path);
                }}
              >
                {describePath(path)}: {errors[path]?.[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
