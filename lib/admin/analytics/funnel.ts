import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { ResolvedRange } from './schemas';
import { num, rangeBounds } from './sql-range';

/** The quest picker lists at most this many quests (by title). */
export const QUEST_PICKER_LIMIT = 500;

export interface FunnelStep {
  position: number;
  kind: string;
  title: string;
  /** Learners of the cohort who got at least this far (see questFunnel). */
  reached: number;
  /** Learners of the cohort who answered this step; null for reading steps, which record no answer. */
  answered: number | null;
}

export interface QuestFunnel {
  questId: string;
  title: string;
  started: number;
  completed: number;
  steps: FunnelStep[];
}

export interface QuestOption {
  id: string;
  title: string;
}

/**
 * The per-step drop-off of one quest, for the cohort of learners who started it in the range,
 * following that cohort up to the range's end:
 * - started: learners with a quest_start in the range;
 * - answered (step p): those of them with a step_answered at position p;
 * - reached (step p): those whose furthest recorded point is p or beyond — the furthest position
 *   they answered (0 if none: starting opens step 0), or past the last step once completed.
 *   Reading steps record no event, so a learner who stops on one counts at the last answered step;
 * - completed: those with a quest_complete.
 * Null when the quest does not exist (or the caller may not read it).
 */
export async function questFunnel(tx: Tx, range: ResolvedRange, questId: string): Promise<QuestFunnel | null> {
  const [quest] = await queryRows<{ title: string }>(tx, sql`select title from public.quests where id = ${questId}`);
  if (!quest) return null;
  const { start, end } = rangeBounds(range);
  const steps = await queryRows<{ position: number; kind: string; title: string }>(
    tx,
    sql`select position, kind, title from public.quest_steps
         where quest_id = ${questId} and archived_at is null and position >= 0
         order by position`,
  );
  // One row per (furthest position, completed) with its number of learners, and one per answered
  // position (kind = 'answered'): both read only this quest's events of the cohort.
  const rows = await queryRows<{ kind: 'furthest' | 'answered'; position: unknown; completed: boolean | null; learners: unknown }>(
    tx,
    sql`with cohort as (
          select distinct user_id
            from public.analytics_events
           where quest_id = ${questId} and name = 'quest_start'
             and occurred_at >= ${start} and occurred_at < ${end} and user_id is not null
        ), activity as (
          select e.user_id, e.name, e.step_position
            from public.analytics_events e
            join cohort c on c.user_id = e.user_id
           where e.quest_id = ${questId} and e.name in ('step_answered', 'quest_complete')
             and e.occurred_at >= ${start} and e.occurred_at < ${end}
        ), learners as (
          select c.user_id,
                 coalesce(max(a.step_position) filter (where a.name = 'step_answered'), 0) as furthest,
                 coalesce(bool_or(a.name = 'quest_complete'), false) as completed
            from cohort c
            left join activity a on a.user_id = c.user_id
           group by c.user_id
        )
        select 'furthest' as kind, furthest as position, completed, count(*) as learners
          from learners group by furthest, completed
        union all
        select 'answered', step_position, null, count(distinct user_id)
          from activity where name = 'step_answered' group by step_position`,
  );

  const furthest = rows.filter((r) => r.kind === 'furthest').map((r) => ({ position: num(r.position), completed: Boolean(r.completed), learners: num(r.learners) }));
  const answered = new Map(rows.filter((r) => r.kind === 'answered').map((r) => [num(r.position), num(r.learners)]));
  const started = furthest.reduce((sum, r) => sum + r.learners, 0);
  const completed = furthest.filter((r) => r.completed).reduce((sum, r) => sum + r.learners, 0);
  return {
    questId,
    title: quest.title,
    started,
    completed,
    steps: steps.map((step) => ({
      position: step.position,
      kind: step.kind,
      title: step.title,
      reached: furthest.filter((r) => r.completed || r.position >= step.position).reduce((sum, r) => sum + r.learners, 0),
      answered: step.kind === 'reading' ? null : (answered.get(step.position) ?? 0),
    })),
  };
}

/** Quests for the funnel's picker: every quest an analyst can read, archived ones included. */
export async function questOptions(tx: Tx): Promise<QuestOption[]> {
  return queryRows<QuestOption>(
    tx,
    sql`select id, title from public.quests order by lower(title), id limit ${QUEST_PICKER_LIMIT}`,
  );
}
