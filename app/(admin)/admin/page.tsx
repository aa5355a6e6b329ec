import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff, visibleSections } from '@/lib/admin/guards';
import { ADMIN_SECTIONS } from '@/lib/admin/sections';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminOverviewPage() {
  const session = await requireStaff('/admin');
  const sections = visibleSections(session, ADMIN_SECTIONS);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <p className="mt-1 text-slate-600">Signed in as {session.user.email} ({session.user.role.replace('_', ' ')}).</p>
      </header>
      {sections.length === 0 ? (
        <p className="rounded-xl bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          Your admin account has no permissions yet. Ask a super admin to grant the ones you need.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {sections.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                className="block h-full rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <h2 className="text-lg font-semibold text-slate-900">{s.label}</h2>
                <p className="mt-1 text-sm text-slate-600">{s.description}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
