import 'server-only';
import { sql } from 'drizzle-orm';
import { asUser, type JwtClaims, type Tx } from '@/lib/db';

/**
 * Memory for one analytics transaction's sorts and hash tables. The default (4 MB) sends a
 * 30-day range of a busy app to temporary files; this keeps it in memory. `set_config(…, true)`
 * lasts until the transaction ends, and any role may set work_mem, on Supabase too.
 */
export const ANALYTICS_WORK_MEM = '64MB';

/** Runs `fn` as the analyst (RLS: view:analytics decides what is visible) with analytics settings. */
export function readAsAnalyst<T>(claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asUser(claims, async (tx) => {
    await tx.execute(sql`select set_config('work_mem', ${ANALYTICS_WORK_MEM}, true)`);
    return fn(tx);
  });
}
