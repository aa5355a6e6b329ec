/**
 * Generates the benchmark's data set inside PostgreSQL, set-based (generate_series, INSERT …
 * SELECT): nothing is sent row by row from Node. Ids are md5-derived from each row's number, so
 * every statement can name the rows of another without a join.
 *
 * The bulk load runs with session_replication_role = replica, which skips triggers — including
 * the foreign-key checks, the profile-creating trigger on auth.users and the time-zone check that
 * scans pg_timezone_names per row (minutes at 100,000 rows). Integrity is therefore verified by
 * verifyIntegrity() afterwards rather than assumed.
 */
import type postgres from 'postgres';
import { BENCH_EMAIL_DOMAIN, CATEGORIES, STEP_KINDS, STEPS_PER_QUEST, type BenchSizes } from './bench-data';

type Sql = postgres.Sql | postgres.ReservedSql;
type Log = (message: string) => void;

// md5 with the version and variant nibbles set: a valid v4-shaped UUID, as the app's zod checks require.
const uuidOf = (text: string) => `bench.uuid_of(${text})`;
export const userId = (n: string) => uuidOf(`'bench-user-' || ${n}`);
export const questId = (n: string) => uuidOf(`'bench-quest-' || ${n}`);
export const stepId = (q: string, p: string) => uuidOf(`'bench-step-' || ${q} || '-' || ${p}`);
const progressId = uuidOf(`'bench-progress-' || u || '-' || k`);

async function timed<T>(log: Log, label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Drops a table's secondary indexes (not those behind constraints) for the length of a bulk
 * insert and rebuilds them after: one sort per index instead of millions of index inserts.
 */
async function withIndexesDeferred(sql: Sql, table: string, fn: () => Promise<void>): Promise<void> {
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename = ${table}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = 'public'::regnamespace)`;
  for (const index of indexes) await sql.unsafe(`drop index public.${index.name}`);
  await fn();
  for (const index of indexes) await sql.unsafe(index.def);
}

export async function generateBenchData(sql: Sql, sizes: BenchSizes, passwordHash: string, log: Log): Promise<void> {
  const { users: U, quests: Q, progressPerUser: K, events: E, questStride: S } = sizes;
  const categories = `array[${CATEGORIES.map((c) => `'${c}'`).join(',')}]`;
  const kinds = `array[${STEP_KINDS.map((k) => `'${k}'`).join(',')}]`;
  await sql.unsafe(
    `create or replace function bench.uuid_of(text) returns uuid language sql immutable parallel safe
     as $$ select (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18, 15))::uuid $$`,
  );
  await sql.unsafe(`set session_replication_role = replica`);
  await sql.unsafe(`set maintenance_work_mem = '256MB'`);
  await sql.unsafe(`set synchronous_commit = off`);

  await timed(log, `${U} users (auth.users + profiles)`, async () => {
    await sql.unsafe(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select ${userId('i')}, 'authenticated', 'authenticated', 'learner' || i || '@${BENCH_EMAIL_DOMAIN}', $1, now(),
              '{"provider":"email"}', jsonb_build_object('full_name', 'Bench Learner ' || i), now() - (i % 400) * interval '1 day', now()
       from generate_series(1, ${U}) i`,
      [passwordHash],
    );
    // A fixed, valid time zone ('UTC' and a few real ones): what check_time_zone would accept.
    await sql.unsafe(
      `insert into public.profiles (id, email, full_name, role, subscription_tier, subscription_status, email_verified,
                                    time_zone, leaderboard_opt_in, created_at, updated_at, last_login_at)
       select ${userId('i')}, 'learner' || i || '@${BENCH_EMAIL_DOMAIN}', 'Bench Learner ' || i, 'user',
              case when i % 5 = 0 then 'premium' else 'free' end, 'active', true,
              (array['UTC','Europe/Paris','America/New_York','Asia/Tokyo'])[1 + i % 4], i % 3 = 0,
              now() - (i % 400) * interval '1 day', now(), now() - (i % 30) * interval '1 day'
       from generate_series(1, ${U}) i`,
    );
  });

  await timed(log, `${Q} quests, ${Q * STEPS_PER_QUEST} steps and their answer keys`, async () => {
    // Every 20th quest is a draft, every 4th premium; categories and difficulties cycle.
    await sql.unsafe(
      `insert into public.quests (id, slug, title, description, difficulty, category, tier, duration_minutes, xp_reward,
                                  content, is_published, published_at, created_at, updated_at, step_count)
       select ${questId('q')}, 'bench-quest-' || q,
              (array['Master','Plan','Automate','Negotiate','Track','Design','Pitch','Review'])[1 + q % 8] || ' ' ||
              (array['your week','invoices','a portfolio','client calls','taxes','a budget','focus time','outreach'])[1 + (q / 8) % 8] || ' ' || q,
              'A generated quest for the benchmark (number ' || q || ').',
              (array['beginner','intermediate','advanced'])[1 + q % 3], (${categories})[1 + (q / 3) % ${CATEGORIES.length}],
              case when q % 4 = 0 then 'premium' else 'free' end, 5 + q % 55, 50 + (q % 10) * 10,
              jsonb_build_object('objectives', jsonb_build_array('Understand topic ' || q, 'Apply it once')),
              q % 20 <> 0, case when q % 20 <> 0 then now() - (q % 300) * interval '1 day' end,
              now() - (q % 300) * interval '1 day', now(),
              -- written here: the steps below load with triggers off (migration 0022 keeps it otherwise)
              ${STEPS_PER_QUEST}
       from generate_series(1, ${Q}) q`,
    );
    await sql.unsafe(
      `insert into public.quest_steps (id, quest_id, position, kind, title, body, choices, allow_multiple)
       select ${stepId('q', 'p')}, ${questId('q')}, p, (${kinds})[p + 1], 'Step ' || (p + 1) || ' of quest ' || q,
              'Generated **Markdown** body of step ' || (p + 1) || '. ' || repeat('Some text to read. ', 20),
              case (${kinds})[p + 1]
                when 'quiz' then '[{"id":"a","text":"First option"},{"id":"b","text":"Second option"},{"id":"c","text":"Third option"}]'::jsonb
                when 'task' then '[{"id":"t1","text":"Do the first thing"},{"id":"t2","text":"Do the second thing"}]'::jsonb
              end, false
       from generate_series(1, ${Q}) q, generate_series(0, ${STEPS_PER_QUEST - 1}) p`,
    );
    await sql.unsafe(
      `insert into public.quest_step_answers (step_id, correct_choice_ids, explanation)
       select ${stepId('q', 'p')}, '["b"]', 'The second option is right.'
       from generate_series(1, ${Q}) q, generate_series(0, ${STEPS_PER_QUEST - 1}) p
       where (${kinds})[p + 1] = 'quiz'`,
    );
  });

  // Learner u's k-th row is on quest 1 + (u*7 + k*S) mod Q: distinct for k < K because S and Q
  // are coprime. 40 % are completed; the rest stand on step 0, 1 or 2 — the quizzes at 1 and 2
  // unanswered, which is what the step-grading scenario answers.
  const progressRows = `
    select u, k, 1 + ((u * 7 + k * ${S}) % ${Q}) as q, (u + k) % 5 < 2 as done, (u + k) % 3 as step
    from generate_series(1, ${U}) u, generate_series(0, ${K - 1}) k`;
  await timed(log, `${U * K} progress rows`, () =>
    withIndexesDeferred(sql, 'user_progress', async () => {
      await sql.unsafe(
        `insert into public.user_progress (id, user_id, quest_id, status, progress_percentage, current_step, total_steps,
                                           time_spent_seconds, score, started_at, completed_at, updated_at)
         select ${progressId}, ${userId('u')}, ${questId('q')},
                case when done then 'completed' else 'in_progress' end,
                case when done then 100 else step * 20 end,
                case when done then ${STEPS_PER_QUEST} else step end, ${STEPS_PER_QUEST},
                case when done then 300 + (u + k) % 900 else step * 60 end,
                case when done then 50 + (u * k) % 51 end,
                now() - interval '30 days' - ((u + k) % 60) * interval '1 day',
                case when done then now() - ((u + k) % 30) * interval '1 day' end, now()
         from (${progressRows}) r`,
      );
    }),
  );

  await timed(log, 'step answers of completed and step-2 progress', () =>
    withIndexesDeferred(sql, 'step_answers', async () => {
      await sql.unsafe(
        `insert into public.step_answers (progress_id, user_id, step_id, answer, correct, answered_at)
         select ${progressId}, ${userId('u')}, ${stepId('q', 'p')},
                case when (${kinds})[p + 1] = 'task' then '["t1","t2"]'::jsonb when (u + p) % 4 = 0 then '["a"]' else '["b"]' end,
                (${kinds})[p + 1] = 'task' or (u + p) % 4 <> 0,
                now() - ((u + k) % 30) * interval '1 day'
         from (${progressRows}) r, generate_series(1, ${STEPS_PER_QUEST - 1}) p
         where (done or p < step) and (${kinds})[p + 1] <> 'reading'`,
      );
    }),
  );

  await timed(log, 'XP ledger of completed quests and learning days', async () => {
    await sql.unsafe(
      `insert into public.xp_ledger (user_id, quest_id, reason, amount, created_at)
       select up.user_id, up.quest_id, 'quest_completed', q.xp_reward, up.completed_at
       from public.user_progress up join public.quests q on q.id = up.quest_id
       where up.status = 'completed'`,
    );
    await sql.unsafe(
      `insert into public.learning_days (user_id, day, created_at)
       select ${userId('u')}, current_date - ((u + d * 3) % 30), now()
       from generate_series(1, ${U}) u, generate_series(0, 4) d`,
    );
  });

  await timed(log, `${E} analytics events`, () =>
    withIndexesDeferred(sql, 'analytics_events', async () => {
      await sql.unsafe(
        `insert into public.analytics_events (name, user_id, quest_id, step_position, properties, occurred_at)
         select (array['login','quest_start','step_answered','step_answered','step_answered','quest_complete','sign_up','checkout_started'])[1 + i % 8],
                ${userId(`(1 + (i * 31) % ${U})`)},
                case when i % 8 in (1, 2, 3, 4, 5) then ${questId(`(1 + (i * 17) % ${Q})`)} end,
                case when i % 8 in (2, 3, 4) then i % ${STEPS_PER_QUEST} end,
                '{}', now() - (i % 129600) * interval '1 minute'
         from generate_series(1, ${E}) i`,
      );
    }),
  );
  await sql.unsafe(`set session_replication_role = origin`);
}

/** The checks the skipped triggers would have made, made once for the whole set. */
export async function verifyIntegrity(sql: Sql): Promise<void> {
  const [row] = await sql<{ problem: string | null }[]>`
    select coalesce(
      (select 'profile without auth user' from public.profiles p where not exists (select 1 from auth.users u where u.id = p.id) limit 1),
      (select 'auth user without profile' from auth.users u where not exists (select 1 from public.profiles p where p.id = u.id) limit 1),
      (select 'unknown time zone' from (select distinct time_zone from public.profiles) p
         where not exists (select 1 from pg_timezone_names z where z.name = p.time_zone) limit 1),
      (select 'progress on a missing quest' from public.user_progress up where not exists (select 1 from public.quests q where q.id = up.quest_id) limit 1),
      (select 'progress of a missing user' from public.user_progress up where not exists (select 1 from public.profiles p where p.id = up.user_id) limit 1),
      (select 'answer to a missing step' from public.step_answers a where not exists (select 1 from public.quest_steps s where s.id = a.step_id) limit 1),
      (select 'answer to a missing progress row' from public.step_answers a where not exists (select 1 from public.user_progress up where up.id = a.progress_id) limit 1),
      (select 'quest whose step count is wrong' from public.quests q
         where q.step_count <> (select count(*) from public.quest_steps s where s.quest_id = q.id and s.archived_at is null) limit 1),
      (select 'event of a missing user' from public.analytics_events e where e.user_id is not null and not exists (select 1 from public.profiles p where p.id = e.user_id) limit 1)
    ) as problem`;
  if (row?.problem) throw new Error(`Generated data failed its integrity check: ${row.problem}`);
}
