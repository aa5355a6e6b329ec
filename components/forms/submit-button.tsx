import type { ReactNode } from 'react';

/** The form's main button: disabled while the request runs, and says so. */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  tone = 'brand',
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
  tone?: 'brand' | 'danger';
}) {
  const colors = tone === 'danger' ? 'bg-rose-700 hover:bg-rose-800' : 'bg-brand-600 hover:bg-brand-700';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors disabled:cursor-wait disabled:opacity-70 sm:w-auto ${colors}`}
    >
      {pending ? (
        <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
      ) : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
