import type { ReactNode } from 'react';

/** A step's own action ("Check answer", "Mark task complete"): disabled until it can be sent. */
export function StepSubmitButton({
  disabled,
  pending,
  pendingLabel,
  children,
}: {
  disabled: boolean;
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={disabled || pending}
      className="mt-5 inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700 disabled:shadow-none sm:w-auto"
    >
      {pending ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
