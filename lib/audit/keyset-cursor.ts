import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';

/**
 * Keyset paging over (created_at, id), newest first: the audit log and the XP ledger. The cursor
 * carries the last row's time at full microsecond precision — a JS Date would round it to the
 * millisecond and skip or repeat rows that share one.
 */

export interface Keyset {
  /** ISO 8601 in UTC with microseconds, as Postgres wrote it. */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column's exact time as text, to select next to the row so its cursor can be written. */
export const exactTime = (column: AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

/** Reads a cursor from a URL; anything not written by encodeCursor is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): Keyset {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && AT.test(at) && typeof id === 'string' && UUID.test(id)) return { at, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError('VALIDATION_ERROR', 'Invalid query parameters: check cursor', { cursor: ['This page link is not valid; start from the newest entries'] });
}

/** Rows strictly older than the cursor, in (created_at desc, id desc) order. */
export function olderThan(createdAt: AnyColumn, id: AnyColumn, key: Keyset): SQL {
  return sql`(${createdAt}, ${id}) < (${key.at}::timestamptz, ${key.id}::uuid)`;
}

/**
 * Takes `limit + 1` fetched rows: the page, and the cursor of its last row when more follow.
 */
export function pageOf<T extends { cursorAt: string; id: string }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null };
}
