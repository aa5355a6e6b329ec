/** Shared classes for the admin area's controls, matching components/forms and components/ui. */

export const inputClass = (invalid: boolean) =>
  `mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${
    invalid ? 'border-rose-600' : 'border-slate-300'
  }`;

export const labelClass = 'block text-sm font-medium text-slate-900';
export const hintClass = 'mt-1 text-xs text-slate-600';
export const errorClass = 'mt-1 text-sm text-rose-700';

export const primaryButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60';
export const secondaryButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60';
export const dangerButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-rose-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-60';
export const quietDangerButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-white px-4 text-sm font-semibold text-rose-800 ring-1 ring-inset ring-rose-200 hover:bg-rose-50 disabled:cursor-not-allowed disabled:opacity-60';
/** Compact buttons inside lists (move, remove); still 44 px tall for touch. */
export const smallButton =
  'inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-lg bg-white px-3 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200';

export const cardClass = 'rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6';
