import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { achievements, quests, xpLedger } from '@/lib/db/schema';
import { decodeCursor, exactTime, olderThan, pageOf } from '@/lib/audit/keyset-cursor';

export const XP_PAGE_SIZE = 20;

export interface XpLedgerEntry {
  id: string;
  reason: 'quest_completed' | 'achievement_unlocked';
  amount: number;
  /** What earned it: the quest's title or the achievement's name (null if since deleted). */
  source: { kind: 'quest' | 'achievement'; id: string; label: string } | null;
  /** ISO 8601. */
  createdAt: string;
}

export interface XpLedgerPage {
  entries: XpLedgerEntry[];
  nextCursor: string | null;
}

/**
 * One page of a learner's XP ledger, newest first, keyset-paged on (created_at, id) over the
 * (user_id, created_at) index. Runs in the caller's transaction: RLS lets admins read the ledger.
 */
export async function xpLedgerPage(tx: Tx, userId: string, cursor?: string): Promise<XpLedgerPage> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await tx
    .select({
      id: xpLedger.id,
      reason: xpLedger.reason,
      amount: xpLedger.amount,
      questId: xpLedger.questId,
      questTitle: quests.title,
      achievementId: xpLedger.achievementId,
      achievementName: achievements.name,
      createdAt: xpLedger.createdAt,
      cursorAt: exactTime(xpLedger.createdAt),
    })
    .from(xpLedger)
    .leftJoin(quests, eq(quests.id, xpLedger.questId))
    .leftJoin(achievements, eq(achievements.id, xpLedger.achievementId))
    .where(and(eq(xpLedger.userId, userId), after ? olderThan(xpLedger.createdAt, xpLedger.id, after) : undefined))
    .orderBy(desc(xpLedger.createdAt), desc(xpLedger.id))
    .limit(XP_PAGE_SIZE + 1);
  const page = pageOf(rows, XP_PAGE_SIZE);
  return {
    entries: page.rows.map((r) => ({
      id: r.id,
      reason: r.reason,
      amount: r.amount,
      source:
        r.questId && r.questTitle
          ? { kind: 'quest', id: r.questId, label: r.questTitle }
          : r.achievementId && r.achievementName
            ? { kind: 'achievement', id: r.achievementId, label: r.achievementName }
            : null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
