'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const link =
  'block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800';

/** The admin sections this admin may open: a sidebar on wide screens, a scrollable row on phones. */
export function AdminNav({ sections }: { sections: { href: string; label: string }[] }) {
  const pathname = usePathname() ?? '/admin';
  const current = (href: string) =>
    (href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)) ? ('page' as const) : undefined;
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="flex gap-1 md:flex-col">
        <li>
          <Link href="/admin" aria-current={current('/admin')} className={link}>
            Overview
          </Link>
        </li>
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={current(s.href)} className={link}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
