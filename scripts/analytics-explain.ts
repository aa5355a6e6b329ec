/**
 * Are the analytics dashboard's queries fast on a million events? Creates a scratch database on
 * the local PostgreSQL, migrates it, inserts 1,000,000 synthetic events spread over the last year
 * (plus 50,000 users, 60 quests and 5,000 subscriptions) with generate_series, then runs every
 * dashboard query exactly as the dashboard does — as an analyst under RLS — with EXPLAIN (ANALYZE,
 * BUFFERS), prints the timings, and drops the database. Not part of `npm test`.
 *
 *   npx tsx --conditions=react-server scripts/analytics-explain.ts [--plans] [--events=1000000] [--keep] [--reuse=<db>]
 *
 * --keep leaves the scratch database in place (its name is printed) and --reuse=<db> runs the
 * queries again on one kept earlier, migrating it first (to try an index without reseeding);
 * drop it yourself afterwards.
 *
 * ANALYTICS_EXPLAIN_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * only local hosts are accepted.
 */
import crypto from 'node:crypto';
import postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type JwtClaims, type Tx } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { buildClaims } from '@/lib/auth/build-claims';
import { activityMetrics } from '@/lib/admin/analytics/activity';
import { churnMetrics } from '@/lib/admin/analytics/churn';
import { completionMetrics } from '@/lib/admin/analytics/completions';
import { conversionMetrics } from '@/lib/admin/analytics/conversion';
import { questFunnel, questOptions } from '@/lib/admin/analytics/funnel';
import { loadAnalyticsDashboard } from '@/lib/admin/analytics/load-dashboard';
import { readAsAnalyst } from '@/lib/admin/analytics/read-as-analyst';
import { revenueMetrics } from '@/lib/admin/analytics/revenue';
import { lastDays, type ResolvedRange } from '@/lib/admin/analytics/schemas';
import { sessionMetrics } from '@/lib/admin/analytics/sessions';
import { signupMetrics } from '@/lib/admin/analytics/signups';
import { openScriptConnection, runScript } from './script-connection';

const args = new Set(process.argv.slice(2));
const showPlans = args.has('--plans');
const EVENTS = Number(process.argv.find((a) => a.startsWith('--events='))?.split('=')[1] ?? 1_000_000);
const KEEP = args.has('--keep');
const REUSE = process.argv.find((a) => a.startsWith('--reuse='))?.split('=')[1];
const BASE = process.env.ANALYTICS_EXPLAIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function scratchUrl(base: string, database: string): string {
  const url = new URL(base);
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(url.hostname)) throw new Error(`Refusing a non-local host: ${url.hostname}`);
  url.pathname = `/${database}`;
  return url.toString();
}

async function seed(client: postgres.Sql): Promise<void> {
  // The profile trigger's time-zone check scans pg_timezone_names once per row (tens of ms): fine
  // for sign-ups, far too slow for 50,000 at once. Every bench profile keeps the default 'UTC'.
  await client.unsafe('alter table public.profiles disable trigger check_profile_time_zone');
  await client.unsafe(`insert into auth.users (email) select 'bench-' || g || '@example.test' from generate_series(1, 50000) g`);
  await client.unsafe('alter table public.profiles enable trigger check_profile_time_zone');
  await client.unsafe(`
    insert into public.quests (slug, title, difficulty, category, xp_reward, is_published, published_at)
    select 'bench-' || g, 'Bench quest ' || g, 'beginner', 'Bench', 100, true, now() from generate_series(1, 60) g`);
  await client.unsafe(`
    insert into public.quest_steps (quest_id, position, kind, title, body)
    select q.id, p, case when p % 3 = 0 then 'reading' else 'task' end, 'Step ' || p, 'Body'
      from public.quests q cross join generate_series(0, 5) p`);
  // Skewed like real traffic: some learners and quests are far busier than others. random() in
  // the inner select list runs once per row.
  await client.unsafe(`
    with u as (select array_agg(id order by id) as ids from public.profiles),
         q as (select array_agg(id order by id) as ids from public.quests)
    insert into public.analytics_events (name, user_id, quest_id, step_position, properties, occurred_at)
    select e.name,
           u.ids[1 + floor(power(r.who, 2) * array_length(u.ids, 1))::int],
           case when e.name in ('quest_start', 'step_answered', 'quest_complete') then q.ids[1 + floor(power(r.quest, 1.5) * 60)::int] end,
           case when e.name = 'step_answered' then floor(r.step * 6)::int end,
           case e.name
             when 'step_answered' then '{"kind": "task", "correct": true}'::jsonb
             when 'subscription_changed' then jsonb_build_object(
               'status', (array['active', 'trialing', 'past_due', 'canceled'])[1 + floor(r.step * 4)::int],
               'tier', case when r.step < 0.75 then 'premium' else 'free' end,
               'planId', 'premium-monthly', 'cancelAtPeriodEnd', false)
             else '{}'::jsonb
           end,
           now() - r.age * interval '365 days'
      from (select g, random() as what, random() as who, random() as quest, random() as step, random() as age
              from generate_series(1, ${EVENTS}) g) r
      cross join u cross join q
      cross join lateral (select case
             when r.what < 0.02 then 'sign_up' when r.what < 0.17 then 'login' when r.what < 0.27 then 'quest_start'
             when r.what < 0.82 then 'step_answered' when r.what < 0.90 then 'quest_complete'
             when r.what < 0.95 then 'checkout_started' else 'subscription_changed' end as name) e`);
  await client.unsafe(`
    insert into public.subscriptions (user_id, stripe_subscription_id, plan_id, status, past_due_since)
    select p.id, 'sub_bench_' || row_number() over (),
           case when random() < 0.7 then 'premium-monthly' else 'premium-yearly' end,
           (array['active', 'active', 'active', 'trialing', 'past_due', 'canceled'])[1 + floor(random() * 6)::int],
           now() - random() * interval '5 days'
      from (select id from public.profiles order by id limit 5000) p`);
  await client.unsafe('vacuum analyze');
}

interface Timing {
  range: string;
  metric: string;
  statement: number;
  planningMs: number;
  executionMs: number;
  plainMs: number;
  plan: string[];
}

/**
 * A Tx whose every execute() is first run under EXPLAIN (ANALYZE, BUFFERS), recording the plan,
 * then run as is, recording its wall time from the client (round trip included, no per-node
 * instrumentation, cache warmed by the EXPLAIN run).
 */
function explaining(tx: Tx, record: (plan: string[], plainMs: number) => void): Tx {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const rows = await queryRows<{ 'QUERY PLAN': string }>(target, sql`explain (analyze, buffers) ${query}`);
        const started = performance.now();
        const result = await target.execute(query);
        record(rows.map((r) => r['QUERY PLAN']), performance.now() - started);
        return result;
      };
    },
  });
}

async function one<T>(query: Promise<readonly unknown[]>): Promise<T> {
  const [row] = await query;
  if (!row) throw new Error('Expected a row');
  return row as T;
}

const timeOf = (plan: string[], label: string) => Number(plan.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);

async function explainAll(claims: JwtClaims, name: string, range: ResolvedRange, questId: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  const metrics: [string, (tx: Tx) => Promise<unknown>][] = [
    ['activity (DAU, MAU)', (tx) => activityMetrics(tx, range)],
    ['sign-ups', (tx) => signupMetrics(tx, range)],
    ['completion rate', (tx) => completionMetrics(tx, range)],
    ['funnel', (tx) => questFunnel(tx, range, questId)],
    ['quest picker', (tx) => questOptions(tx)],
    ['sessions', (tx) => sessionMetrics(tx, range)],
    ['conversion', (tx) => conversionMetrics(tx, range)],
    ['churn', (tx) => churnMetrics(tx, range)],
    ['MRR', (tx) => revenueMetrics(tx)],
  ];
  for (const [metric, run] of metrics) {
    let statement = 0;
    await readAsAnalyst(claims, (tx) =>
      run(
        explaining(tx, (plan, plainMs) =>
          timings.push({ range: name, metric, statement: ++statement, planningMs: timeOf(plan, 'Planning Time'), executionMs: timeOf(plan, 'Execution Time'), plainMs, plan }),
        ),
      ),
    );
  }
  return timings;
}

runScript(async () => {
  const database = REUSE ?? `wf_analytics_explain_${crypto.randomBytes(4).toString('hex')}`;
  if (!/^wf_analytics_explain_[a-z0-9]+$/.test(database)) throw new Error('--reuse takes a database this script created');
  const url = scratchUrl(BASE, database);
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  if (!REUSE) await admin.unsafe(`create database ${database}`);
  process.env.DATABASE_URL = url;
  const { connection } = await openScriptConnection();
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(connection);
    let started = Date.now();
    if (!REUSE) {
      await seed(client);
      await client`insert into auth.users (email) values ('analyst@bench.test')`;
      await client`update public.profiles set role = 'admin' where email = 'analyst@bench.test'`;
    }
    await client.unsafe('analyze');
    const count = await one<{ count: number }>(client`select count(*)::int as count from public.analytics_events`);
    console.log(`${REUSE ? 'Reusing' : 'Seeded'} ${count.count.toLocaleString('en-US')} events, 50,000 users, 60 quests, 5,000 subscriptions in ${((Date.now() - started) / 1000).toFixed(1)} s (database ${database})`);
    const { id } = await one<{ id: string }>(client`select id from public.profiles where email = 'analyst@bench.test'`);
    const claims = buildClaims({ id, email: 'analyst@bench.test', role: 'admin', subscriptionTier: 'free' });
    const { quest_id: busiest } = await one<{ quest_id: string }>(client`
      select quest_id from public.analytics_events where name = 'quest_start' and quest_id is not null
       group by quest_id order by count(*) desc limit 1`);

    const ranges: [string, ResolvedRange][] = [
      ['last 30 days', { ...lastDays(30), days: 30, questId: null }],
      ['last 366 days', { ...lastDays(366), days: 366, questId: null }],
    ];
    const timings: Timing[] = [];
    for (const [name, range] of ranges) timings.push(...(await explainAll(claims, name, range, busiest)));

    console.log('\nEXPLAIN (ANALYZE, BUFFERS), as an analyst under RLS:');
    console.log(['range'.padEnd(14), 'metric'.padEnd(20), 'stmt', 'planning ms'.padStart(12), 'execution ms'.padStart(13), 'plain run ms'.padStart(13)].join(' '));
    for (const t of timings) {
      console.log([t.range.padEnd(14), t.metric.padEnd(20), String(t.statement).padStart(4), t.planningMs.toFixed(2).padStart(12), t.executionMs.toFixed(2).padStart(13), t.plainMs.toFixed(2).padStart(13)].join(' '));
      if (showPlans) console.log(t.plan.map((l) => `      ${l}`).join('\n'));
    }
    for (const [name, range] of ranges) {
      started = Date.now();
      await loadAnalyticsDashboard(claims, range);
      console.log(`Whole dashboard (${name}, metric families in parallel): ${Date.now() - started} ms wall clock`);
    }
  } finally {
    await client.end();
    await connection.close();
    if (KEEP || REUSE) console.log(`Kept ${database}; drop it with: psql ${BASE} -c 'drop database ${database}'`);
    else await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
});
