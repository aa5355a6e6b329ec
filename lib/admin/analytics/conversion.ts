import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { ResolvedRange } from './schemas';
import { num, rangeBounds, ratio } from './sql-range';

export interface ConversionMetrics {
  /** Users with a sign_up event in the range. */
  signedUp: number;
  /** Of those, users with a subscription_changed event to status 'active' in the range. */
  converted: number;
  rate: number | null;
}

/**
 * Free → paid conversion of the range's sign-up cohort: the share of users who signed up in the
 * range and whose subscription turned 'active' (Stripe's paid state; a trial is not paid yet) by
 * the range's end. Follows each new user through the (user_id, occurred_at) index.
 */
export async function conversionMetrics(tx: Tx, range: ResolvedRange): Promise<ConversionMetrics> {
  const { start, end } = rangeBounds(range);
  const [row] = await queryRows<{ signed_up: unknown; converted: unknown }>(
    tx,
    sql`with cohort as (
          select distinct user_id
            from public.analytics_events
           where name = 'sign_up' and occurred_at >= ${start} and occurred_at < ${end} and user_id is not null
        )
        select count(*) as signed_up,
               count(*) filter (where exists (
                 select 1 from public.analytics_events p
                  where p.user_id = c.user_id and p.name = 'subscription_changed'
                    and p.properties ->> 'status' = 'active'
                    and p.occurred_at >= ${start} and p.occurred_at < ${end}
               )) as converted
          from cohort c`,
  );
  const signedUp = num(row?.signed_up);
  const converted = num(row?.converted);
  return { signedUp, converted, rate: ratio(converted, signedUp) };
}
