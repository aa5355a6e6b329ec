import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';

/**
 * Marks the day of `at`, in the learner's own time zone, as a learning day. The date is computed
 * in SQL from profiles.time_zone so the app server's clock zone never matters, and the primary key
 * makes a second device (or a retry) on the same day a no-op. Runs inside the caller's
 * service-role transaction (the completion job).
 */
export async function recordLearningDay(
  tx: Tx,
  userId: string,
  at: Date = new Date(),
): Promise<{ day: string; isNew: boolean }> {
  const [row] = await queryRows<{ day: string; is_new: boolean }>(
    tx,
    sql`
      with local_day as (
        select p.id as user_id, (cast(${at.toISOString()} as timestamptz) at time zone p.time_zone)::date as day
        from public.profiles p
        where p.id = ${userId}
      ), inserted as (
        insert into public.learning_days (user_id, day)
        select user_id, day from local_day
        on conflict do nothing
        returning day
      )
      select local_day.day::text as day, exists (select 1 from inserted) as is_new
      from local_day`,
  );
  if (!row) throw new Error(`No profile for user ${userId}: cannot record a learning day`);
  return { day: row.day, isNew: row.is_new };
}
