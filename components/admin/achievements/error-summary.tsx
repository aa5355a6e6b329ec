'use client';

import { describePath, FIELD_ORDER, fieldId, type EditorErrors, type EditorValues } from './editor-state';

/** The problems that stop saving, in page order, each a link that moves focus to its field. */
export function ErrorSummary({ message, errors, values }: { message: string | null; errors: EditorErrors; values: EditorValues }) {
  const paths = Object.keys(errors)
    .filter((path) => path !== '_root')
    .sort((a, b) => rank(a) - rank(b));
  if (!message && paths.length === 0) return null;
  return (
    <div role="alert" className="rounded-xl bg-rose-50 p-4 ring-1 ring-inset ring-rose-200">
      <p className="font-semibold text-rose-900">{message ?? 'Please fix these problems.'}</p>
      {paths.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-rose-900">
          {paths.map((path) => (
            <li key={path}>
              <a
                href={`#${inputFor(path)}`}
                className="font-medium underline underline-offset-2 hover:text-rose-950"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(inputFor(path))?.focus();
                }}
              >
                {describePath(path, values)}: {errors[path]?.[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const rank = (path: string) => {
  const i = FIELD_ORDER.indexOf(path);
  return i === -1 ? FIELD_ORDER.length : i;
};

/** A problem with the criterion as a whole belongs to its type select. */
export const inputFor = (path: string) => fieldId(path === 'criteria' ? 'criteria.type' : path);

/** Moves focus to the first field with a problem, as a keyboard or screen-reader user needs. */
export function focusFirstError(errors: EditorErrors) {
  const first = Object.keys(errors).filter((p) => p !== '_root').sort((a, b) => rank(a) - rank(b))[0];
  if (first) document.getElementById(inputFor(first))?.focus();
}
