import Link from 'next/link';

export interface Chip {
  label: string;
  href: string;
  active: boolean;
  count?: number;
}

/** A row of filter links; the current one is marked for assistive tech with aria-current. */
export function FilterChips({ label, chips }: { label: string; chips: Chip[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</span>
      {chips.map((chip) => (
        <Link
          key={chip.href}
          href={chip.href}
          aria-current={chip.active ? 'page' : undefined}
          className={`inline-flex min-h-9 items-center rounded-full px-3 py-1 text-sm ring-1 ring-inset transition-colors ${
            chip.active
              ? 'bg-brand-600 text-white ring-brand-600'
              : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
          }`}
        >
          {chip.label}
          {chip.count !== undefined ? <span className="ml-1.5 text-xs opacity-80">{chip.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
