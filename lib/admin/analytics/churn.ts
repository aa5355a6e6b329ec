import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { ResolvedRange } from './schemas';
import { num, rangeBounds, ratio } from './sql-range';

export interface ChurnMetrics {
  /** Paying customers (premium through a subscription) at the range's start. */
  subscribersAtStart: number;
  /** Of those, customers without premium at the range's end. */
  churned: number;
  rate: number | null;
}

/**
 * Customer churn over the range. Whether a user is a paying customer at an instant is the `tier`
 * the billing webhook recorded on their latest subscription_changed event before it ('premium'
 * while a subscription is active, trialing or past_due within grace — the same rule as MRR).
 * Churn = customers premium at the range's start (00:00 UTC of `from`) who are no longer premium
 * at its end; customers who left and came back inside the range are not counted, nor are
 * customers who joined during the range.
 */
export async function churnMetrics(tx: Tx, range: ResolvedRange): Promise<ChurnMetrics> {
  const { start, end } = rangeBounds(range);
  const [row] = await queryRows<{ subscribers: unknown; churned: unknown }>(
    tx,
    sql`with changes as (
          select user_id, occurred_at, properties ->> 'tier' = 'premium' as premium
            from public.analytics_events
           where name = 'subscription_changed' and occurred_at < ${end} and user_id is not null
        ), at_start as (
          select distinct on (user_id) user_id, premium
            from changes where occurred_at < ${start}
           order by user_id, occurred_at desc
        ), at_end as (
          select distinct on (user_id) user_id, premium
            from changes
           order by user_id, occurred_at desc
        )
        select count(*) as subscribers, count(*) filter (where not e.premium) as churned
          from at_start s join at_end e on e.user_id = s.user_id
         where s.premium`,
  );
  const subscribersAtStart = num(row?.subscribers);
  const churned = num(row?.churned);
  return { subscribersAtStart, churned, rate: ratio(churned, subscribersAtStart) };
}
