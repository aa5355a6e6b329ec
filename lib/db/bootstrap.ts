import 'server-only';
import { count } from 'drizzle-orm';
import type { DbConnection } from './connection';
import { migrate } from './migrate';
import { withRole } from './roles';
import { quests } from './schema';

/**
 * First start of the embedded database: apply migrations, and load the demo catalog when the
 * catalog is empty, so `npm run dev` on a fresh clone shows quests with no other step.
 */
export async function bootstrapEmbedded(connection: DbConnection): Promise<void> {
  await migrate(connection);
  await withRole(connection.db, 'service_role', { role: 'service_role', job: 'bootstrap-embedded' }, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(quests);
    if ((row?.n ?? 0) > 0) return;
    const { seedDemoCatalog } = await import('@/lib/seed/seed-demo-catalog');
    await seedDemoCatalog(tx);
  });
}
