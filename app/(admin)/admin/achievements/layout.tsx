import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

const QUEST_PERMISSIONS = ['create:quests', 'update:quests', 'delete:quests'] as const;

/**
 * The section's gate, above its loading.tsx: a page's own guard runs inside the streamed loading
 * boundary, where "not found" can only be sent with status 200. Any quest permission opens the
 * section; each page still checks the one it needs.
 */
export default async function AchievementsSectionLayout({ children }: { children: ReactNode }) {
  const session = await requireSession('/admin/achievements');
  if (!QUEST_PERMISSIONS.some((permission) => can(session.user, permission))) notFound();
  return children;
}
