/**
 * `npm run db:restore -- <file> [--target <url>] [--yes]`: pg_restore of a db:backup file into
 * the target (default DATABASE_URL). Overwriting a database that holds anything needs --yes.
 */
import { env } from '@/lib/env';
import { parseArgs } from '@/lib/backup/cli-args';
import { maskUrl, parsePostgresUrl } from '@/lib/backup/connection-target';
import { countUserRelations } from '@/lib/backup/database-admin';
import { formatDuration } from '@/lib/backup/file-name';
import { restoreDatabase } from '@/lib/backup/restore';
import { runScript } from './script-connection';

const USAGE = 'Usage: npm run db:restore -- <file.dump> [--target postgres://…] [--yes]';

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), { flags: ['yes'], options: ['target'] });
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new Error(USAGE);
  const target = args.options.get('target') ?? env().DATABASE_URL;
  if (!target) {
    throw new Error(
      `No target: pass --target postgres://… or set DATABASE_URL. (The embedded PGlite database is restored by copying its directory back while the app is stopped.)\n${USAGE}`,
    );
  }
  parsePostgresUrl(target);

  const relations = await countUserRelations(target);
  if (relations > 0 && !args.flags.has('yes')) {
    throw new Error(
      `${maskUrl(target)} is not empty (${relations} tables, views or sequences). Restoring replaces what the backup contains. ` +
        'Stop the app, make sure this is the right database, and re-run with --yes.',
    );
  }
  console.log(`Restoring ${file} into ${maskUrl(target)} …`);
  const { durationMs } = await restoreDatabase({ url: target, file });
  console.log(`Restored in ${formatDuration(durationMs)}.`);
});
