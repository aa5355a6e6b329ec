import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { can, type Permission } from './permissions';
import { currentSession } from './session';
import type { Session } from './types';

/**
 * Guards for Server Components and server actions, the page-side twins of withUser and
 * withPermission. The proxy has already redirected most signed-out visitors; these hold even when
 * a session was revoked after the proxy looked.
 */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session;
}

/** A page the caller may not use answers 404, so the admin area does not advertise itself. */
export async function requirePermission(permission: Permission, returnTo: string): Promise<Session> {
  const session = await requireSession(returnTo);
  if (!can(session.user, permission)) notFound();
  return session;
}
