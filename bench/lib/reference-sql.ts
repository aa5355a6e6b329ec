/**
 * The SQL the app sends for its two hottest routes, as captured from PostgreSQL's log
 * (log_statement = 'all') on the bench database. bench/reference-server.ts runs exactly these.
 */

interface Claims {
  sub: string;
  session_id?: string;
}
export interface ReferenceStatement {
  text: string;
  params: (claims: Claims, url: URL) => (string | number | boolean | string[])[];
}

/**
 * Every authenticated request: the profile as the learner, with the session family check in the
 * same statement (migration 0020).
 */
export const SESSION_STATEMENT: ReferenceStatement = {
  text: `select "id", "email", "full_name", "role", "subscription_tier", "email_verified", "time_zone", "leaderboard_opt_in", "admin_permissions", "suspended_at", private.session_family_active($1::uuid) from "profiles" where "profiles"."id" = $2 limit $3`,
  params: (c) => [c.session_id ?? '', c.sub, 1],
};

const ACCESS = `case
    when "tier" = 'premium' and not (select private.has_premium()) then 'premium_locked'
    when exists (
  select 1 from jsonb_array_elements_text("quests"."prerequisites") as pre(id)
  where not exists (
    select 1 from public.user_progress done
    where done.quest_id = pre.id::uuid and done.user_id = (select auth.uid()) and done.status = 'completed'
  )) then 'prerequisites_locked'
    else 'available' end`;
const PROGRESS = `(
    select json_build_object('id', up.id, 'status', up.status, 'currentStep', up.current_step,
      'progressPercentage', up.progress_percentage, 'score', up.score)
    from public.user_progress up where up.quest_id = "quests"."id" and up.user_id = (select auth.uid()))`;
const SUMMARY_COLUMNS = `"id", "slug", "title", "description", "category", "difficulty", "tier", "duration_minutes", "xp_reward", "cover_image_url", "step_count", ${ACCESS}, ${PROGRESS}`;
const ORDER = `order by "quests"."category" asc, array_position(array['beginner','intermediate','advanced']::text[], "quests"."difficulty"::text) asc, "quests"."title" asc, "quests"."id" asc`;

/**
 * GET /api/quests?category&difficulty&tier&page, the shared part: the count and the page as an
 * anonymous visitor reads them (sent together, one transaction). The app keeps the result in its
 * catalog cache, so these run once per page, not once per request.
 */
export function sharedQuestsPageStatements(url: URL): ReferenceStatement[] {
  const filters: string[] = ['"quests"."is_published" = $1'];
  const values: (string | number | boolean)[] = [true];
  for (const column of ['category', 'difficulty', 'tier'] as const) {
    const value = url.searchParams.get(column);
    if (value) {
      values.push(value);
      filters.push(`"quests"."${column}" = $${values.length}`);
    }
  }
  const where = `where (${filters.join(' and ')})`;
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const limit = 20;
  // Drizzle leaves out "offset 0".
  const paging = page > 1 ? `limit $${values.length + 1} offset $${values.length + 2}` : `limit $${values.length + 1}`;
  return [
    { text: `select count(*) from "quests" ${where}`, params: () => values },
    {
      text: `select ${SUMMARY_COLUMNS} from "quests" where "quests"."id" = any(array(select "id" from "quests" ${where} ${ORDER} ${paging})) ${ORDER}`,
      params: () => (page > 1 ? [...values, limit, (page - 1) * limit] : [...values, limit]),
    },
  ];
}

/** GET /api/quests, per request: the caller's access and progress for the shared page's quests. */
export function personalQuestsStatement(ids: string[]): ReferenceStatement {
  return {
    text: `select "id", ${ACCESS}, ${PROGRESS} from "quests" where ("quests"."id" = any($1::uuid[]) and "quests"."is_published" = $2)`,
    params: () => [ids, true],
  };
}

/** GET /api/progress: the stats and the list (one transaction, pipelined). */
export const progressStatements: ReferenceStatement[] = [
  {
    text: `select
              (select coalesce(sum(amount), 0)::int from public.xp_ledger where user_id = $1) as "totalXP",
              count(*) filter (where status = 'completed')::int as "completedQuests",
              coalesce(round(avg(score) filter (where status = 'completed')), 0)::int as "averageScore",
              coalesce(sum(time_spent_seconds), 0)::int as "totalTimeSpent"
            from public.user_progress where user_id = $2`,
    params: (c) => [c.sub, c.sub],
  },
  {
    text: `select "user_progress"."id", "user_progress"."user_id", "user_progress"."quest_id", "user_progress"."status", "user_progress"."progress_percentage", "user_progress"."current_step", "user_progress"."total_steps", "user_progress"."time_spent_seconds", "user_progress"."score", "user_progress"."started_at", "user_progress"."completed_at", "user_progress"."updated_at", "user_progress"."metadata", "quests"."id", "quests"."slug", "quests"."title", "quests"."category", "quests"."difficulty", "quests"."tier", "quests"."xp_reward" from "user_progress" inner join "quests" on "quests"."id" = "user_progress"."quest_id" where "user_progress"."user_id" = $1 order by "user_progress"."updated_at" desc, "user_progress"."id" asc limit $2`,
    params: (c) => [c.sub, 500],
  },
];
