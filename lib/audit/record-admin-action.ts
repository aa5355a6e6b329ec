import 'server-only';
import type { Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { auditLog } from '@/lib/db/schema';

/** `<target>.<verb>`, e.g. `quest.publish`, `user.suspend`, `achievement.backfill`. */
export type AuditAction = `${string}.${string}`;

export interface AdminAction {
  action: AuditAction;
  targetType: 'quest' | 'quest_step' | 'achievement' | 'user' | 'media';
  targetId?: string | null;
  /** What a reader of the log recognizes: a quest title, a learner's email. */
  targetLabel?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/**
 * Writes one audit entry in the caller's transaction — the one that made the change — so an admin
 * action and its record commit or roll back together. RLS lets an admin record only their own acts.
 */
export async function recordAdminAction(tx: Tx, session: Session, entry: AdminAction): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: session.user.id,
    actorEmail: session.user.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel?.slice(0, 255) ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId?.slice(0, 100) ?? null,
  });
}
