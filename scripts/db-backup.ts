/**
 * `npm run db:backup [-- --upload [--allow-local] [--allow-public-bucket]]`: pg_dump (custom
 * format) of DATABASE_URL into BACKUP_DIR (default .data/backups) under a timestamped name;
 * --upload also stores it through the storage port under backups/<file>.
 */
import { env } from '@/lib/env';
import { parseArgs } from '@/lib/backup/cli-args';
import { maskUrl } from '@/lib/backup/connection-target';
import { backupDatabase } from '@/lib/backup/dump';
import { backupDirectory, displayPath, formatBytes, formatDuration } from '@/lib/backup/file-name';
import { uploadBackup, uploadRefusal } from '@/lib/backup/upload';
import { storage } from '@/lib/storage';
import { runScript } from './script-connection';

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), { flags: ['upload', 'allow-local', 'allow-public-bucket'] });
  const config = env();
  if (!config.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: the app is on the embedded PGlite database, which pg_dump cannot reach. ' +
        `To back it up, stop the app (\`npm run dev\` / \`npm start\`) and copy the ${config.PGLITE_DATA_DIR} directory ` +
        `(e.g. tar czf pglite-$(date -u +%Y%m%dT%H%M%SZ).tgz ${config.PGLITE_DATA_DIR}); restore by putting the copy back while the app is stopped.`,
    );
  }
  const upload = args.flags.has('upload');
  const adapter = upload ? storage() : undefined;
  if (adapter) {
    // Checked before dumping: no point spending the time if the upload will be refused.
    const refusal = uploadRefusal({
      adapter: adapter.name,
      publicUrl: config.S3_PUBLIC_URL,
      allowLocal: args.flags.has('allow-local'),
      allowPublicBucket: args.flags.has('allow-public-bucket'),
    });
    if (refusal) throw new Error(refusal);
  }

  const directory = backupDirectory(process.env);
  console.log(`Backing up ${maskUrl(config.DATABASE_URL)} into ${displayPath(directory)} …`);
  const result = await backupDatabase({ url: config.DATABASE_URL, directory });
  console.log(`Wrote ${displayPath(result.file)}: ${formatBytes(result.bytes)} in ${formatDuration(result.durationMs)}.`);

  if (adapter) {
    const { key, durationMs } = await uploadBackup(result.file, adapter);
    const { location } = adapter.describe();
    console.log(`Uploaded to ${location} as ${key} in ${formatDuration(durationMs)}.`);
  }
});
