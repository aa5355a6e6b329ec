/** `npm run db:migrate`: applies supabase/migrations to DATABASE_URL (or the embedded database). */
import { migrate } from '@/lib/db/migrate';
import { openScriptConnection, runScript } from './script-connection';

runScript(async () => {
  const { connection, target } = await openScriptConnection();
  try {
    const { applied } = await migrate(connection);
    console.log(applied.length ? `Applied to ${target}:\n  ${applied.join('\n  ')}` : `${target} is up to date.`);
  } finally {
    await connection.close();
  }
});
