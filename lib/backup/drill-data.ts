import 'server-only';

/**
 * Synthetic learners for the backup drill: accounts, profiles, progress through the seeded
 * quests, XP for completions, learning days and analytics events — enough rows of every shape a
 * restore must bring back. Set-based inserts in one transaction, so a few thousand learners take
 * a second or two.
 *
 * Triggers are switched off for this transaction only (session_replication_role = replica, which
 * needs a superuser — the drill runs on a local scratch database): the profile time-zone check
 * (migration 0012) costs ~20 ms a row, and the sign-up trigger would write profiles one by one.
 * The rows are written consistent by construction, and the restore re-validates every foreign key
 * when it recreates the constraints.
 */
export async function seedDrillLearners(session: { runScript(script: string): Promise<void> }, learners: number): Promise<void> {
  if (!Number.isInteger(learners) || learners < 1 || learners > 1_000_000) {
    throw new Error('learners must be an integer between 1 and 1,000,000');
  }
  await session.runScript(`
    begin;
    set local session_replication_role = replica;

    create temporary table drill_learners on commit drop as
      select gen_random_uuid() as id, n, now() - (n % 365) * interval '1 day' as joined_at
      from generate_series(1, ${learners}) as n;

    create temporary table drill_quests on commit drop as
      select id, xp_reward, row_number() over (order by slug) as k
      from public.quests where is_published;

    insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
      select id, 'drill-' || n || '@drill.invalid', '$2b$10$' || md5('drill' || n), joined_at,
             jsonb_build_object('full_name', 'Drill Learner ' || n), joined_at, joined_at
      from drill_learners;

    insert into public.profiles (id, email, full_name, email_verified, subscription_tier, created_at, updated_at, last_login_at)
      select id, 'drill-' || n || '@drill.invalid', 'Drill Learner ' || n, true,
             case when n % 10 = 0 then 'premium' else 'free' end, joined_at, joined_at, joined_at + interval '1 hour'
      from drill_learners;

    -- Each learner works on about half the quests and completes about a third of those.
    insert into public.user_progress (user_id, quest_id, status, progress_percentage, current_step, total_steps,
                                      time_spent_seconds, score, started_at, completed_at, updated_at)
      select l.id, q.id,
             case when (l.n + q.k) % 3 = 0 then 'completed' else 'in_progress' end,
             case when (l.n + q.k) % 3 = 0 then 100 else ((l.n * 7 + q.k) % 99) end,
             case when (l.n + q.k) % 3 = 0 then 5 else (l.n + q.k) % 5 end,
             5,
             60 + (l.n * 13 + q.k * 31) % 3600,
             case when (l.n + q.k) % 3 = 0 then 50 + (l.n + q.k) % 51 end,
             l.joined_at + q.k * interval '1 hour',
             case when (l.n + q.k) % 3 = 0 then l.joined_at + q.k * interval '1 hour' + interval '30 minutes' end,
             l.joined_at + q.k * interval '1 hour' + interval '30 minutes'
      from drill_learners l join drill_quests q on (l.n + q.k) % 2 = 0;

    insert into public.xp_ledger (user_id, quest_id, reason, amount, created_at)
      select p.user_id, p.quest_id, 'quest_completed', q.xp_reward, p.completed_at
      from public.user_progress p join drill_quests q on q.id = p.quest_id
      where p.status = 'completed';

    insert into public.learning_days (user_id, day, created_at)
      select distinct p.user_id, (p.started_at at time zone 'UTC')::date, p.started_at
      from public.user_progress p
      on conflict do nothing;

    insert into public.analytics_events (name, user_id, quest_id, occurred_at)
      select 'sign_up', id, null, joined_at from drill_learners
      union all
      select 'quest_start', user_id, quest_id, started_at from public.user_progress
      union all
      select 'quest_complete', user_id, quest_id, completed_at from public.user_progress where status = 'completed';

    commit;
  `);
}
