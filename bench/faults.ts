/**
 * `npm run faults [-- --skip-build]`: fault injection against `next start` on private PostgreSQL
 * and Redis, under a light mixed load (20 requests/s).
 *
 * A. PostgreSQL is stopped mid-run (pg_ctl stop -m fast): the API must answer 503
 *    DATABASE_UNAVAILABLE with Retry-After within ~5 s (no hangs), /api/health stay 200 and
 *    /api/health/ready say 503; once PostgreSQL is back the app must serve again by itself.
 * B. Redis (the rate limiter's store) is stopped: sign-in must fail closed (503
 *    RATE_LIMIT_UNAVAILABLE), reads fail open (200); once Redis is back a real sign-in works.
 *
 * Prints a PASS/FAIL table, writes bench/faults-results.json, exits 1 when a check fails.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startAppUnderTest } from './lib/app-under-test';
import { exitAfter } from './lib/private-services';
import { runOpenLoop } from './lib/arrival-scheduler';
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD } from './lib/bench-data';
import { answersWithin, formatCheckTable, judgeOutage, recoveryAfter, type FaultCheck, type TimedAnswer } from './lib/fault-checks';
import { formatMs } from './lib/latency-stats';
import { createLoopbackClient, type HttpResult, type LoopbackClient } from './lib/loopback-client';
import { parseArgs } from '@/lib/backup/cli-args';
import { classifyOutcome, discoverCatalog, type Learner, type Op } from './lib/workload';
import { createWorkloadRunner } from './lib/workload-runner';

const RATE = 20;
const SCALE = 0.002;
/**
 * Enough learners that requests held for up to 5 s during an outage (20/s × 5 s = 100 in flight)
 * still find a free learner: a run out of learners would record DROPPED instead of the answers.
 */
const LEARNERS = 150;
/** The contract: a clear answer within ~5 s; half a second of slack for this busy machine. */
const NO_HANG_MS = 5_500;
const RECOVERY_LIMIT_MS = 30_000;
const STABLE_WINDOW_MS = 3_000;
/** Readiness is judged on probes sent this long after the stop (the app notices on its next check). */
const READY_GRACE_MS = 3_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAGE_OPS = new Set<string>(['catalog-page']);

async function seededLearnerEmail(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ email: string }[]>`
      select email from public.profiles
      where email like ${'%@' + BENCH_EMAIL_DOMAIN} and suspended_at is null and role = 'user'
      order by email limit 1`;
    if (!row) throw new Error('No seeded learner to sign in as');
    return row.email;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { flags: ['skip-build'] });
  // Setup (seed, build, start) plus about two minutes of scenarios: a hang anywhere ends the run.
  exitAfter(23 * 60, 'The fault run');
  console.log(`Faults: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const app = await startAppUnderTest({ cwd: process.cwd(), scale: SCALE, learners: LEARNERS, skipBuild: args.flags.has('skip-build'), tokenTtlSeconds: 3600 });
  const client = createLoopbackClient(app.url, { timeoutMs: 15_000 });
  try {
    return await runScenarios(app, client);
  } finally {
    client.close();
    await app.close();
  }
}

async function runScenarios(app: Awaited<ReturnType<typeof startAppUnderTest>>, client: LoopbackClient): Promise<number> {
  const learners: Learner[] = app.learners.map((m) => ({ ...m, busy: false }));
  const bearer = { authorization: `Bearer ${learners[0]!.token}` };
  const catalog = await discoverCatalog(client, learners[0]!.token);
  const email = await seededLearnerEmail(app.databaseUrl);
  const warm = createWorkloadRunner({ client, learners, catalog, startedAt: performance.now(), record: () => {} });
  await runOpenLoop({ rate: RATE, durationMs: 5_000, maxRequests: 100, fire: warm.fire });
  await warm.drain(15_000);

  const startedAt = performance.now();
  const t = () => performance.now() - startedAt;
  const answers: TimedAnswer[] = [];
  const asAnswer = (op: string, sentMs: number, result: HttpResult): TimedAnswer => ({
    op,
    sentMs,
    doneMs: t(),
    status: result.status,
    code: result.code,
    retryAfter: typeof result.headers['retry-after'] === 'string' ? result.headers['retry-after'] : undefined,
    elapsedMs: result.elapsedMs,
  });
  const runner = createWorkloadRunner({
    client,
    learners,
    catalog,
    startedAt,
    record: (r, result) => {
      answers.push(result ? asAnswer(r.op, r.scheduledMs, result) : { op: r.op, sentMs: r.scheduledMs, doneMs: r.scheduledMs, status: 0, code: r.code, retryAfter: undefined, elapsedMs: 0 });
    },
  });
  const stopLoad = new AbortController();
  const loadDone = runOpenLoop({ rate: RATE, durationMs: 600_000, maxRequests: RATE * 600, fire: runner.fire, signal: stopLoad.signal });

  const probes: (TimedAnswer & { body: unknown })[] = [];
  const probe = async (op: string, pathname: string) => {
    const sentMs = t();
    const result = await client.request({ method: 'GET', path: pathname, parseBody: true });
    probes.push({ ...asAnswer(op, sentMs, result), body: result.body });
  };
  const prober = setInterval(() => void Promise.all([probe('health', '/api/health'), probe('ready', '/api/health/ready')]), 1000);
  const call = async (op: string, spec: Parameters<LoopbackClient['request']>[0]) => asAnswer(op, t(), await client.request(spec));
  const login = () => call('login', { method: 'POST', path: '/api/auth/login', json: { email, password: BENCH_PASSWORD }, parseBody: true });
  const mark = (what: string) => console.log(`  ${(t() / 1000).toFixed(1).padStart(6)} s  ${what}`);

  console.log(`\nLight load ${RATE} req/s (mixed reads and writes, ${learners.length} learners); probes of /api/health and /api/health/ready every second`);
  await sleep(10_000);

  // Scenario A: PostgreSQL goes away and comes back.
  const pgStopAt = t();
  mark('stopping PostgreSQL (pg_ctl stop -m fast)');
  await app.services.postgres.stop();
  const pgDownAt = t();
  mark('PostgreSQL is down');
  await sleep(15_000);
  const pgStartAt = t();
  mark('starting PostgreSQL');
  await app.services.postgres.start();
  const pgBackAt = t();
  mark('PostgreSQL is accepting connections');
  let dbRecovery = recoveryAfter(answers, pgBackAt, STABLE_WINDOW_MS);
  while (!dbRecovery && t() - pgBackAt < RECOVERY_LIMIT_MS + STABLE_WINDOW_MS + 2000) {
    await sleep(500);
    dbRecovery = recoveryAfter(answers, pgBackAt, STABLE_WINDOW_MS);
  }
  mark(dbRecovery ? `app serving again (stable from +${formatMs(dbRecovery.stableMs)})` : 'app did NOT recover');
  await sleep(3_000);
  const serverAlive = (() => {
    try {
      process.kill(app.pid, 0);
      return true;
    } catch {
      return false;
    }
  })();

  // Scenario B: the rate limiter's Redis goes away and comes back.
  const loginBefore = await login();
  const redisStopAt = t();
  mark('stopping Redis');
  await app.services.redis.stop();
  const redisDownAt = t();
  mark('Redis is down');
  await sleep(2_000);
  const loginsDown: TimedAnswer[] = [];
  for (let i = 0; i < 3; i += 1) loginsDown.push(await login());
  const readsDown = [
    await call('GET /api/quests (signed in)', { method: 'GET', path: '/api/quests', headers: bearer }),
    await call('GET /api/quests (anonymous)', { method: 'GET', path: '/api/quests?page=2' }),
    await call('GET /api/progress', { method: 'GET', path: '/api/progress', headers: bearer }),
  ];
  await sleep(5_000);
  const redisStartAt = t();
  mark('starting Redis');
  await app.services.redis.start();
  const redisBackAt = t();
  let loginAfter = await login();
  while (loginAfter.status !== 200 && t() - redisBackAt < RECOVERY_LIMIT_MS) {
    await sleep(1_000);
    loginAfter = await login();
  }
  mark(loginAfter.status === 200 ? `sign-in works again (+${formatMs(loginAfter.doneMs - redisBackAt)})` : `sign-in still fails: ${loginAfter.status} ${loginAfter.code ?? ''}`);
  await sleep(2_000);
  stopLoad.abort();
  clearInterval(prober);
  await loadDone;
  await runner.drain(16_000);

  const { checks, outage, pages } = judge({
    answers, probes, pgStopAt, pgDownAt, pgStartAt, pgBackAt, dbRecovery, serverAlive,
    loginBefore, loginsDown, readsDown, loginAfter, redisStopAt, redisDownAt, redisStartAt, redisBackAt,
  });
  console.log(`\n${formatCheckTable(checks)}`);
  const pass = checks.every((c) => c.pass);
  console.log(pass ? '\nFAULTS PASS' : `\nFAULTS FAIL (${checks.filter((c) => !c.pass).length} of ${checks.length} checks failed)`);
  const file = path.join(process.cwd(), 'bench', 'faults-results.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        kind: 'faults',
        finishedAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load: os.loadavg() },
        load: { rate: RATE, learners: learners.length, scale: SCALE, requests: answers.length },
        timelineMs: { pgStopAt, pgDownAt, pgStartAt, pgBackAt, redisStopAt, redisDownAt, redisStartAt, redisBackAt },
        dbRecovery,
        databaseOutage: {
          api: outage,
          pages,
          // The answers around the outage, for reading what the app said and when (times in ms).
          answers: answers
            .filter((a) => a.op !== 'dropped' && a.sentMs >= pgStopAt - 1000 && a.sentMs < pgBackAt + 3000)
            .map((a) => ({ op: a.op, sent: Math.round(a.sentMs), done: Math.round(a.doneMs), status: a.status, code: a.code, elapsed: Math.round(a.elapsedMs) })),
        },
        checks,
        pass,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Results: ${path.relative(process.cwd(), file)}`);
  return pass ? 0 : 1;
}

interface Observed {
  answers: TimedAnswer[];
  probes: (TimedAnswer & { body: unknown })[];
  pgStopAt: number;
  pgDownAt: number;
  pgStartAt: number;
  pgBackAt: number;
  dbRecovery: ReturnType<typeof recoveryAfter>;
  serverAlive: boolean;
  loginBefore: TimedAnswer;
  loginsDown: TimedAnswer[];
  readsDown: TimedAnswer[];
  loginAfter: TimedAnswer;
  redisStopAt: number;
  redisDownAt: number;
  redisStartAt: number;
  redisBackAt: number;
}

const describe = (a: TimedAnswer) => `${a.status || a.code} ${a.status ? (a.code ?? '') : ''} in ${formatMs(a.elapsedMs)}`.replace(/\s+/g, ' ');
const tally = (list: TimedAnswer[]) => {
  const counts = new Map<string, number>();
  for (const a of list) counts.set(String(a.status || a.code), (counts.get(String(a.status || a.code)) ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k}×${v}`).join(' ') || 'none';
};
const isWorkloadError = (a: TimedAnswer) => classifyOutcome(a.op as Op, a.status, a.code) === 'error';

function judge(o: Observed): { checks: FaultCheck[]; outage: ReturnType<typeof judgeOutage>; pages: string } {
  const A = 'A database';
  const B = 'B redis   ';
  const baseline = o.answers.filter((a) => a.doneMs < o.pgStopAt);
  // A second for in-flight requests that the stop caught midway; until PostgreSQL is started again.
  const downApi = answersWithin(o.answers, o.pgDownAt + 1000, o.pgStartAt).filter((a) => !PAGE_OPS.has(a.op));
  const downPages = answersWithin(o.answers, o.pgDownAt + 1000, o.pgStartAt).filter((a) => PAGE_OPS.has(a.op));
  const outage = judgeOutage(downApi, { code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
  const duringFault = o.answers.filter((a) => a.sentMs >= o.pgStopAt && a.sentMs < o.pgBackAt);
  const slowest = [...duringFault, ...o.probes.filter((p) => p.sentMs >= o.pgStopAt && p.sentMs < o.pgBackAt)].reduce(
    (m, a) => Math.max(m, a.status === 0 ? Infinity : a.elapsedMs),
    0,
  );
  const health = o.probes.filter((p) => p.op === 'health' && p.sentMs >= o.pgDownAt && p.sentMs < o.pgBackAt);
  const readyDown = o.probes.filter((p) => p.op === 'ready' && p.sentMs >= o.pgDownAt + READY_GRACE_MS && p.doneMs < o.pgStartAt);
  const readyAfter = o.probes.filter((p) => p.op === 'ready' && o.dbRecovery && p.sentMs >= o.pgBackAt + o.dbRecovery.stableMs && p.sentMs < o.redisStopAt);
  const afterRecovery = o.dbRecovery ? o.answers.filter((a) => a.sentMs >= o.pgBackAt + o.dbRecovery!.stableMs && a.doneMs < o.redisStopAt) : [];
  const redisDownLoad = answersWithin(o.answers, o.redisDownAt, o.redisStartAt);
  // Answered before Redis was started again, as for the database above: a probe sent just before the
  // restart whose PING waits on the reconnect is answered by a Redis that is back, and says so.
  const readyRedisDown = o.probes.filter((p) => p.op === 'ready' && p.sentMs >= o.redisDownAt + READY_GRACE_MS && p.doneMs < o.redisStartAt);
  const readyBody = readyDown[0] ? JSON.stringify(readyDown[0].body ?? '').slice(0, 160) : '';

  const checks: FaultCheck[] = [
    { scenario: A, name: 'baseline: no errors before the fault', pass: baseline.length > 0 && !baseline.some(isWorkloadError), detail: `${baseline.length} answers: ${tally(baseline)}` },
    {
      scenario: A,
      name: 'API answers 503 DATABASE_UNAVAILABLE while down',
      pass: outage.unavailable > 0 && outage.failures.length === 0,
      detail: `${outage.unavailable} of ${outage.total} were 503 DATABASE_UNAVAILABLE, ${outage.served} served 2xx${outage.failures.length ? `; other: ${outage.failures.map((f) => `${f.key} ×${f.count}`).join(', ')}` : ''}`,
    },
    { scenario: A, name: 'Retry-After: 5 on those 503s', pass: outage.unavailable > 0 && outage.missingRetryAfter === 0, detail: `${outage.missingRetryAfter} without it` },
    { scenario: A, name: `no hangs: every answer within ${NO_HANG_MS / 1000} s`, pass: Number.isFinite(slowest) && slowest <= NO_HANG_MS, detail: `slowest ${Number.isFinite(slowest) ? formatMs(slowest) : 'never answered (timeout or dropped)'} of ${duringFault.length} requests + probes` },
    { scenario: A, name: 'pages answer (error page) while down', pass: downPages.every((a) => a.status >= 200), detail: `catalog page: ${tally(downPages)}` },
    { scenario: A, name: '/api/health (liveness) stays 200', pass: health.length > 0 && health.every((p) => p.status === 200), detail: tally(health) },
    { scenario: A, name: '/api/health/ready says 503 while down', pass: readyDown.length > 0 && readyDown.every((p) => p.status === 503), detail: `${tally(readyDown)} ${readyBody}` },
    {
      scenario: A,
      name: `recovers by itself within ${RECOVERY_LIMIT_MS / 1000} s (no restart)`,
      pass: Boolean(o.dbRecovery && o.dbRecovery.stableMs <= RECOVERY_LIMIT_MS && o.serverAlive),
      detail: o.dbRecovery
        ? `first success +${formatMs(o.dbRecovery.firstSuccessMs)}, all good from +${formatMs(o.dbRecovery.stableMs)} after PostgreSQL was back; same server process ${o.serverAlive ? 'alive' : 'GONE'}`
        : 'no stable recovery',
    },
    { scenario: A, name: 'after recovery: no errors, ready 200', pass: afterRecovery.length > 0 && !afterRecovery.some(isWorkloadError) && readyAfter.length > 0 && readyAfter.every((p) => p.status === 200), detail: `${tally(afterRecovery)}; ready ${tally(readyAfter)}` },
    { scenario: B, name: 'sign-in works before the outage', pass: o.loginBefore.status === 200, detail: describe(o.loginBefore) },
    {
      scenario: B,
      name: 'sign-in fails closed: 503 RATE_LIMIT_UNAVAILABLE',
      pass: o.loginsDown.every((a) => a.status === 503 && a.code === 'RATE_LIMIT_UNAVAILABLE' && a.elapsedMs <= NO_HANG_MS),
      detail: o.loginsDown.map(describe).join('; '),
    },
    { scenario: B, name: 'reads fail open: 200', pass: o.readsDown.every((a) => a.status === 200), detail: o.readsDown.map((a) => `${a.op} ${describe(a)}`).join('; ') },
    { scenario: B, name: 'workload (reads + writes) unaffected', pass: redisDownLoad.length > 0 && !redisDownLoad.some(isWorkloadError), detail: `${redisDownLoad.length} answers: ${tally(redisDownLoad)}` },
    { scenario: B, name: '/api/health/ready says 503 while down', pass: readyRedisDown.length > 0 && readyRedisDown.every((p) => p.status === 503), detail: tally(readyRedisDown) },
    {
      scenario: B,
      name: `sign-in works again within ${RECOVERY_LIMIT_MS / 1000} s`,
      pass: o.loginAfter.status === 200 && o.loginAfter.doneMs - o.redisBackAt <= RECOVERY_LIMIT_MS,
      detail: `${describe(o.loginAfter)}, answered +${formatMs(o.loginAfter.doneMs - o.redisBackAt)} after Redis was back`,
    },
  ];
  return { checks, outage, pages: tally(downPages) };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
