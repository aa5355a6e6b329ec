import 'server-only';
import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/guards';
import { can, isStaff } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import type { AdminSection } from './sections';

/** Sections this admin may open (the nav shows only these). */
export function visibleSections(session: Session, sections: readonly AdminSection[]): AdminSection[] {
  return sections.filter((s) =>
    s.superAdminOnly ? session.user.role === 'super_admin' : s.permission === null ? isStaff(session.user.role) : can(session.user, s.permission),
  );
}

/** Staff only; everyone else gets the same 404 as a missing page. */
export async function requireStaff(returnTo: string): Promise<Session> {
  const session = await requireSession(returnTo);
  if (!isStaff(session.user.role)) notFound();
  return session;
}

/** The audit log is for super admins. */
export async function requireSuperAdmin(returnTo: string): Promise<Session> {
  const session = await requireSession(returnTo);
  if (session.user.role !== 'super_admin') notFound();
  return session;
}
