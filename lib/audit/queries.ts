import 'server-only';
import { and, desc, eq, gte, ilike, like, lt, sql, type SQL } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { auditLog } from '@/lib/db/schema';
import { decodeCursor, exactTime, olderThan, pageOf } from './keyset-cursor';
import { AUDIT_PAGE_SIZE, type AuditFilters } from './schemas';

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  /** ISO 8601. */
  createdAt: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The next (older) page's cursor, or null on the last page. */
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtersOf(f: Partial<AuditFilters>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (f.actor) where.push(UUID.test(f.actor) ? eq(auditLog.actorId, f.actor) : ilike(auditLog.actorEmail, contains(f.actor)));
  // `user` means every user.* action; `user.suspend` that one.
  if (f.action) where.push(f.action.includes('.') ? eq(auditLog.action, f.action) : like(auditLog.action, `${f.action}.%`));
  if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
  if (f.from) where.push(gte(auditLog.createdAt, sql`${f.from}::date::timestamp at time zone 'UTC'`));
  if (f.to) where.push(lt(auditLog.createdAt, sql`(${f.to}::date + 1)::timestamp at time zone 'UTC'`));
  if (f.cursor) where.push(olderThan(auditLog.createdAt, auditLog.id, decodeCursor(f.cursor)));
  return and(...where);
}

/**
 * Audit entries, newest first, keyset-paged on (created_at, id). Read as the caller: RLS shows
 * the log to super admins only, so anyone else gets an empty page (the API answers them 403).
 */
export async function listAuditEntries(session: Session, filters: Partial<AuditFilters>): Promise<AuditPage> {
  const limit = filters.limit ?? AUDIT_PAGE_SIZE;
  const rows = await asUser(session.claims, (tx) =>
    tx
      .select({
        id: auditLog.id,
        actorId: auditLog.actorId,
        actorEmail: auditLog.actorEmail,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        targetLabel: auditLog.targetLabel,
        before: auditLog.before,
        after: auditLog.after,
        requestId: auditLog.requestId,
        createdAt: auditLog.createdAt,
        cursorAt: exactTime(auditLog.createdAt),
      })
      .from(auditLog)
      .where(filtersOf(filters))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit + 1),
  );
  const page = pageOf(rows, limit);
  return {
    entries: page.rows.map(({ cursorAt: _cursorAt, createdAt, ...entry }) => ({ ...entry, createdAt: createdAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
