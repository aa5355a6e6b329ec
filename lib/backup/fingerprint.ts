import 'server-only';
import postgres from 'postgres';

/**
 * What a restore must reproduce exactly: every table's row count and a checksum of its rows
 * (md5 over the rows' text forms in a fixed order), for the app's schemas (public, private, auth).
 */

export const FINGERPRINTED_SCHEMAS = ['public', 'private', 'auth'] as const;

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export type DatabaseFingerprint = Record<string, TableFingerprint>;

export async function fingerprintDatabase(url: string): Promise<DatabaseFingerprint> {
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  try {
    // Text forms of timestamps follow the session's time zone: pin it so both sides agree.
    await sql`set time zone 'UTC'`;
    const tables = await sql<{ schema: string; name: string }[]>`
      select schemaname as schema, tablename as name from pg_catalog.pg_tables
      where schemaname in ${sql([...FINGERPRINTED_SCHEMAS])}
      order by schemaname, tablename`;
    const result: DatabaseFingerprint = {};
    for (const table of tables) {
      const [row] = await sql<{ rows: number; checksum: string }[]>`
        select count(*)::int as rows,
               md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as checksum
        from ${sql(table.schema)}.${sql(table.name)} t`;
      result[`${table.schema}.${table.name}`] = { rows: row?.rows ?? 0, checksum: row?.checksum ?? '' };
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Every way `after` differs from `before`, one line each; empty when they match. */
export function compareFingerprints(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const differences: string[] = [];
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const table of tables) {
    const was = before[table];
    const is = after[table];
    if (!was) differences.push(`${table}: present after the restore only`);
    else if (!is) differences.push(`${table}: missing after the restore (had ${was.rows} rows)`);
    else if (was.rows !== is.rows) differences.push(`${table}: ${was.rows} rows before, ${is.rows} after`);
    else if (was.checksum !== is.checksum) differences.push(`${table}: same ${is.rows} rows but different contents (checksum ${was.checksum} → ${is.checksum})`);
  }
  return differences;
}
