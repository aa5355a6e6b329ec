import type { ReactNode } from 'react';

/** One radio or checkbox with its label as a large, tappable row. */
export function ChoiceOption({
  type,
  name,
  value,
  checked,
  onChange,
  children,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label
      className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-lg p-3 ring-1 ring-inset transition-colors has-[:disabled]:cursor-default has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${
        checked ? 'bg-brand-50 ring-brand-500' : 'bg-white ring-slate-200 hover:bg-slate-50'
      }`}
    >
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        className={`mt-0.5 size-5 shrink-0 accent-brand-600 ${type === 'checkbox' ? 'rounded' : ''}`}
      />
      <span className="min-w-0 text-sm leading-6 break-words text-slate-900">{children}</span>
    </label>
  );
}
