import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireStaff, visibleSections } from '@/lib/admin/guards';
import { ADMIN_SECTIONS } from '@/lib/admin/sections';
import { Providers } from '@/app/providers';

export const dynamic = 'force-dynamic';

/** The (admin) route group: staff only (the proxy turned others away already; this holds too). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireStaff('/admin');
  const sections = visibleSections(session, ADMIN_SECTIONS).map(({ href, label }) => ({ href, label }));
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 md:flex md:gap-8 md:py-10">
      <aside className="mb-6 md:mb-0 md:w-48 md:shrink-0">
        <p className="mb-2 hidden text-xs font-semibold uppercase tracking-wide text-slate-500 md:block">Admin</p>
        <AdminNav sections={sections} />
      </aside>
      <div className="min-w-0 flex-1">
        <Providers>{children}</Providers>
      </div>
    </div>
  );
}
