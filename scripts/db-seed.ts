/** `npm run db:seed`: migrates, then loads the demo catalog (idempotent: upserts by slug). */
import { asService } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { seedDemoCatalog } from '@/lib/seed/seed-demo-catalog';
import { openScriptConnection, runScript } from './script-connection';

runScript(async () => {
  const { connection, target } = await openScriptConnection();
  try {
    await migrate(connection);
    const result = await asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx));
    console.log(
      `Seeded ${target}: ${result.quests} quests, ${result.steps} steps, ${result.achievements} achievements.`,
    );
  } finally {
    await connection.close();
  }
});
