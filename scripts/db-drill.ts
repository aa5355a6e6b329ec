/**
 * `npm run db:drill [-- --learners 3000] [--keep-backup]`: the restore drill. On a scratch
 * database on the LOCAL PostgreSQL server it migrates, seeds the demo catalog and synthetic
 * learners, fingerprints every table (row count + checksum), backs up with db:backup's function,
 * drops the database, recreates it, restores with db:restore's function, fingerprints again and
 * fails on any difference. Prints each phase's time against the 1-hour RTO, then drops the
 * scratch database. DRILL_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432).
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { asService } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { seedDemoCatalog } from '@/lib/seed/seed-demo-catalog';
import { parseArgs } from '@/lib/backup/cli-args';
import { isLoopbackUrl, maskUrl, withDatabase } from '@/lib/backup/connection-target';
import { createDatabase, dropDatabase } from '@/lib/backup/database-admin';
import { seedDrillLearners } from '@/lib/backup/drill-data';
import { backupDatabase } from '@/lib/backup/dump';
import { backupDirectory, displayPath, formatBytes, formatDuration } from '@/lib/backup/file-name';
import { compareFingerprints, fingerprintDatabase, type DatabaseFingerprint } from '@/lib/backup/fingerprint';
import { restoreDatabase } from '@/lib/backup/restore';
import { openScriptConnection, runScript } from './script-connection';

const RTO_MS = 60 * 60 * 1000;
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function timed<T>(label: string, fn: () => Promise<T>, timings: Map<string, number>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  timings.set(label, ms);
  console.log(`  ${label.padEnd(26)} ${formatDuration(ms)}`);
  return result;
}

function totals(fingerprint: DatabaseFingerprint): { tables: number; rows: number } {
  const tables = Object.values(fingerprint);
  return { tables: tables.length, rows: tables.reduce((sum, t) => sum + t.rows, 0) };
}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), { flags: ['keep-backup'], options: ['learners'] });
  const learners = Number(args.options.get('learners') ?? '3000');
  if (!Number.isInteger(learners) || learners < 1 || learners > 1_000_000) throw new Error('--learners must be a whole number from 1 to 1000000.');

  const server = process.env.DRILL_DATABASE_URL?.trim() || DEFAULT_SERVER;
  if (!isLoopbackUrl(server)) {
    throw new Error(`DRILL_DATABASE_URL must point at this machine (localhost, 127.0.0.1 or ::1): the drill creates and drops databases. Got ${maskUrl(server)}.`);
  }
  const name = `workfree_drill_${randomBytes(4).toString('hex')}`;
  const scratch = withDatabase(server, name);
  const timings = new Map<string, number>();
  const drillStarted = performance.now();
  let backupFile: string | undefined;

  console.log(`Backup drill on ${maskUrl(scratch)} (${learners} synthetic learners)`);
  await createDatabase(server, name);
  try {
    // The scripts' connection opener (and asService behind the seed) reads DATABASE_URL once, on
    // first use: pointing it at the scratch database here runs the real migrate and seed paths.
    process.env.DATABASE_URL = scratch;
    const { connection } = await openScriptConnection();
    try {
      await timed('migrate', () => migrate(connection), timings);
      const seeded = await timed('seed demo catalog', () => asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx)), timings);
      console.log(`    ${seeded.quests} quests, ${seeded.steps} steps, ${seeded.achievements} achievements`);
      await timed('seed synthetic learners', () => connection.withSession((session) => seedDrillLearners(session, learners)), timings);
    } finally {
      await connection.close();
    }

    const before = await timed('fingerprint (before)', () => fingerprintDatabase(scratch), timings);
    const backup = await timed('backup (pg_dump -Fc)', () => backupDatabase({ url: scratch, directory: backupDirectory(process.env) }), timings);
    backupFile = backup.file;
    console.log(`    ${displayPath(backup.file)}: ${formatBytes(backup.bytes)}`);

    await timed('drop + recreate database', async () => {
      await dropDatabase(server, name);
      await createDatabase(server, name);
    }, timings);
    await timed('restore (pg_restore)', () => restoreDatabase({ url: scratch, file: backup.file }), timings);
    const after = await timed('fingerprint (after)', () => fingerprintDatabase(scratch), timings);

    console.log('\nTable                              rows  checksum');
    for (const [table, print] of Object.entries(before)) {
      if (print.rows > 0) console.log(`  ${table.padEnd(30)} ${String(print.rows).padStart(7)}  ${print.checksum}`);
    }
    const empty = Object.values(before).filter((t) => t.rows === 0).length;
    const { tables, rows } = totals(before);
    console.log(`  (${tables} tables, ${rows} rows; ${empty} tables empty)`);

    const differences = compareFingerprints(before, after);
    if (differences.length) {
      throw new Error(`RESTORE VERIFICATION FAILED — ${differences.length} table(s) differ:\n  ${differences.join('\n  ')}`);
    }
    console.log(`\nVerified: all ${tables} tables have the same row counts and checksums after the restore.`);
  } finally {
    await dropDatabase(server, name).catch((error: unknown) => {
      console.error(`Could not drop the scratch database ${name}: ${(error as Error).message}`);
    });
    if (backupFile && !args.flags.has('keep-backup')) await rm(backupFile, { force: true });
  }

  const total = performance.now() - drillStarted;
  const backupMs = timings.get('backup (pg_dump -Fc)') ?? 0;
  const restoreMs = (timings.get('drop + recreate database') ?? 0) + (timings.get('restore (pg_restore)') ?? 0) + (timings.get('fingerprint (after)') ?? 0);
  const pct = (ms: number) => `${((ms / RTO_MS) * 100).toFixed(3)} % of the 1 h RTO`;
  console.log('\nSummary');
  console.log(`  backup                     ${formatDuration(backupMs)}`);
  console.log(`  recreate+restore+verify    ${formatDuration(restoreMs)} (${pct(restoreMs)})`);
  console.log(`  whole drill                ${formatDuration(total)} (${pct(total)})`);
  console.log(`Scratch database ${name} dropped${backupFile && args.flags.has('keep-backup') ? `; backup kept at ${displayPath(backupFile)}` : ''}.`);
});
