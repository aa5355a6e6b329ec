import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { ResolvedRange } from './schemas';
import { num, rangeBounds, ratio } from './sql-range';

/** The dashboard lists this many quests, most started first; the CSV export has them all. */
export const TOP_QUESTS = 10;

export interface QuestCompletion {
  questId: string;
  title: string;
  starts: number;
  completions: number;
  rate: number | null;
}

export interface CompletionMetrics {
  starts: number;
  completions: number;
  /** completions / starts; null when nobody started a quest in the range. */
  rate: number | null;
  /** Every quest started in the range, most started first. */
  quests: QuestCompletion[];
}

/**
 * Completion rate as a cohort: the (learner, quest) pairs that started in the range, and of those
 * the pairs that completed by the range's end. A completion of a quest started before the range
 * is not counted, so the rate never exceeds 100 % and an old range does not change.
 */
export async function completionMetrics(tx: Tx, range: ResolvedRange): Promise<CompletionMetrics> {
  const { start, end } = rangeBounds(range);
  const rows = await queryRows<{ quest_id: string; title: string | null; starts: unknown; completions: unknown }>(
    tx,
    sql`with starts as (
          select distinct user_id, quest_id
            from public.analytics_events
           where name = 'quest_start' and occurred_at >= ${start} and occurred_at < ${end}
             and user_id is not null and quest_id is not null
        ), completed as (
          select distinct user_id, quest_id
            from public.analytics_events
           where name = 'quest_complete' and occurred_at >= ${start} and occurred_at < ${end}
             and user_id is not null and quest_id is not null
        )
        select s.quest_id, q.title, count(*) as starts, count(c.user_id) as completions
          from starts s
          left join completed c on c.user_id = s.user_id and c.quest_id = s.quest_id
          left join public.quests q on q.id = s.quest_id
         group by s.quest_id, q.title
         order by starts desc, completions desc, q.title, s.quest_id`,
  );
  const quests = rows.map((row) => {
    const starts = num(row.starts);
    const completions = num(row.completions);
    return { questId: row.quest_id, title: row.title ?? 'Unknown quest', starts, completions, rate: ratio(completions, starts) };
  });
  const starts = quests.reduce((sum, q) => sum + q.starts, 0);
  const completions = quests.reduce((sum, q) => sum + q.completions, 0);
  return { starts, completions, rate: ratio(completions, starts), quests };
}
