/**
 * `npm run soak [-- --rate 200 --duration 300 --users 400 --scale 0.02 --warmup 30 --skip-build --cpu-prof]`
 * `npm run soak -- --target http://127.0.0.1:3000 --database-url postgres://…` (a running server)
 *
 * Holds a constant arrival rate (open model) of the mixed learner workload against `next start`
 * on private PostgreSQL and Redis, prints each minute's rate, latency and errors, samples the
 * server's memory every 10 s, and ends with PASS/FAIL on the error rate (< 0.1 %), the rate held
 * and the memory trend. Loopback only; bounded in time and in total requests. Exit code 1 on FAIL.
 * Results: bench/soak-results.json.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppUnderTest, type AppUnderTest } from './lib/app-under-test';
import { runOpenLoop } from './lib/arrival-scheduler';
import { errorBreakdown, formatMs, summarise, summariseByWindow, type RequestRecord, type WindowSummary } from './lib/latency-stats';
import { createLoopbackClient } from './lib/loopback-client';
import { memoryTrend, processTreeCpuSeconds, startMemorySampler, type MemorySample } from './lib/memory-sampler';
import { exitAfter } from './lib/private-services';
import { mintAccessTokens } from './lib/sessions';
import { parseSoakArgs, warmUpSteps, WARMUP_FIRST_HITS, type SoakOptions } from './lib/soak-args';
import { memoryWarmupSeconds, soakChecks, SOAK_TARGETS } from './lib/soak-verdict';
import { discoverCatalog, WORKLOAD_MIX, type Learner } from './lib/workload';
import { createWorkloadRunner } from './lib/workload-runner';

const DEFAULTS = { rate: 200, durationSeconds: 300, users: 400, scale: 0.02 };
const SAMPLE_EVERY_MS = 5_000;
/** Seeding, building and starting: generous for a busy 2-core machine, but not unbounded. */
const SETUP_BUDGET_SECONDS = 20 * 60;
const REQUEST_TIMEOUT_MS = 30_000;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function printWindow(w: WindowSummary, rssMb: number | undefined, withLoad = true): void {
  console.log(
    `  min ${String(w.window + 1).padStart(2)}  ${String(w.requests).padStart(6)} req  ${w.achievedRate.toFixed(1).padStart(6)} req/s  served ${w.servedRate.toFixed(1).padStart(6)}/s  ` +
      `p50 ${formatMs(w.p50).padStart(9)}  p95 ${formatMs(w.p95).padStart(9)}  p99 ${formatMs(w.p99).padStart(9)}  ` +
      `errors ${w.errors}${w.expected ? ` (+${w.expected} expected 4xx)` : ''}  rss ${rssMb === undefined ? '?' : `${rssMb.toFixed(0)} MB`}${withLoad ? `  load ${load()}` : ''}`,
  );
}

async function prepare(options: SoakOptions): Promise<{ url: string; pid: number | undefined; learners: Learner[]; metricsToken: string | undefined; app?: AppUnderTest }> {
  const ttl = options.durationSeconds + 3600;
  if (options.target) {
    const secret = process.env.AUTH_JWT_SECRET;
    if (!secret) throw new Error('--target needs AUTH_JWT_SECRET in the environment (the one the server signs with) to mint tokens.');
    const minted = await mintAccessTokens(options.databaseUrl!, { jwtSecret: secret, count: options.users, ttlSeconds: ttl });
    return { url: options.target.replace(/\/$/, ''), pid: undefined, learners: minted.map((m) => ({ ...m, busy: false })), metricsToken: process.env.METRICS_TOKEN };
  }
  const profileDir = options.cpuProfile ? mkdtempSync(path.join(os.tmpdir(), 'workfree-soak-profile-')) : undefined;
  const app = await startAppUnderTest({
    cwd: process.cwd(),
    scale: options.scale,
    learners: options.users,
    skipBuild: options.skipBuild,
    tokenTtlSeconds: ttl,
    // NODE_OPTIONS refuses --cpu-prof; the profile is written when the server exits.
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined,
  });
  if (profileDir) console.log(`CPU profile of next start goes to ${profileDir} when the run ends (open it in Chrome DevTools).`);
  return { url: app.url, pid: app.pid, learners: app.learners.map((m) => ({ ...m, busy: false })), metricsToken: app.metricsToken, app };
}

async function main(): Promise<number> {
  const options = parseSoakArgs(process.argv.slice(2), DEFAULTS);
  exitAfter(SETUP_BUDGET_SECONDS + options.warmupSeconds + options.durationSeconds + 120, 'The soak');
  console.log(
    `Soak: ${options.rate} req/s for ${options.durationSeconds} s (cap ${options.maxRequests} requests), ${options.users} learners, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${load()}`,
  );
  console.log(`Mix: ${WORKLOAD_MIX.map((m) => `${m.action} ${m.weight} %`).join(', ')}`);
  const { url, pid, learners, metricsToken, app } = await prepare(options);
  const client = createLoopbackClient(url, { maxSockets: 512, timeoutMs: REQUEST_TIMEOUT_MS });
  try {
    const catalog = await discoverCatalog(client, learners[0]!.token);
    console.log(`Catalog: ${catalog.questIds.length} quests (${catalog.startable.length} startable by anyone), ${catalog.categories.length} categories`);

    // Warm-up, not measured but reported: first hits load each route, then a rising rate lets V8
    // optimise the hot code and the caches fill before the measured run starts at full rate.
    const warmRecords: RequestRecord[] = [];
    const warm = createWorkloadRunner({ client, learners, catalog, startedAt: performance.now(), record: (r) => warmRecords.push(r) });
    await runOpenLoop({ rate: 20, durationMs: 5_000, maxRequests: WARMUP_FIRST_HITS, fire: warm.fire });
    await warm.drain(REQUEST_TIMEOUT_MS);
    const ramp = warmUpSteps(options.rate, options.warmupSeconds);
    for (const step of ramp) {
      await runOpenLoop({ rate: step.rate, durationMs: step.seconds * 1000, maxRequests: Math.ceil(step.rate * step.seconds), fire: warm.fire });
    }
    await warm.drain(REQUEST_TIMEOUT_MS);
    const warmErrors = warmRecords.filter((r) => r.outcome === 'error');
    const warmDropped = warmErrors.filter((r) => r.op === 'dropped').length;
    const warmOtherErrors = warmErrors.length - warmDropped;
    console.log(
      `Warm-up (not counted): ${warmRecords.length} requests over ${5 + options.warmupSeconds} s, rising to ${ramp.at(-1)?.rate ?? 20} req/s` +
        ` (${ramp.map((s) => s.rate).join(' → ') || 'no ramp'}): ${warmDropped} dropped, ` +
        `${warmOtherErrors} other errors, p99 ${formatMs(summarise(warmRecords, 0, 5 + options.warmupSeconds).p99)}`,
    );

    const startedAt = performance.now();
    const loadStart = load();
    const cpuAtStart = pid === undefined ? undefined : processTreeCpuSeconds(pid);
    const records: RequestRecord[] = [];
    const runner = createWorkloadRunner({ client, learners, catalog, startedAt, record: (r) => records.push(r) });
    const sampler = startMemorySampler({
      pid,
      startedAt,
      intervalMs: SAMPLE_EVERY_MS,
      metrics: metricsToken ? { url: `${url}/api/metrics`, token: metricsToken } : undefined,
      inFlight: () => runner.inFlight(),
    });
    const lastRss = () => sampler.samples.at(-1)?.treeRssMb ?? sampler.samples.at(-1)?.metricsRssMb;
    console.log('\nminute   requests   offered       served          latency (from scheduled send time)            errors   memory');
    let minute = 0;
    const ticker = setInterval(() => {
      minute += 1;
      printWindow(summarise(records.filter((r) => Math.floor(r.scheduledMs / 60_000) === minute - 1), minute - 1, 60), lastRss());
    }, 60_000);
    const loop = await runOpenLoop({ rate: options.rate, durationMs: options.durationSeconds * 1000, maxRequests: options.maxRequests, fire: runner.fire });
    clearInterval(ticker);
    await runner.drain(REQUEST_TIMEOUT_MS + 1000);
    sampler.stop();
    const cpuAtEnd = pid === undefined ? undefined : processTreeCpuSeconds(pid);
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const runSeconds = options.durationSeconds;
    const windows = summariseByWindow(records, 60, runSeconds);
    // The live lines above count the answers in by then; this table has every request of each minute.
    console.log(`\nper minute, complete (requests in flight at the end of each live line are included here):`);
    const rssAt = (minute: number) => sampler.samples.filter((x) => x.t <= (minute + 1) * 60).at(-1)?.treeRssMb;
    for (const w of windows) printWindow(w, rssAt(w.window), false);

    const total = summarise(records, 0, runSeconds);
    const opNames = [...new Set(records.map((r) => r.op))].sort();
    const perOp = opNames.map((op) => ({ op, ...summarise(records.filter((r) => r.op === op), 0, runSeconds) }));
    console.log('\nper request type          count   p50        p95        p99        errors');
    for (const o of perOp) {
      console.log(`  ${o.op.padEnd(20)} ${String(o.requests).padStart(7)}   ${formatMs(o.p50).padEnd(9)}  ${formatMs(o.p95).padEnd(9)}  ${formatMs(o.p99).padEnd(9)}  ${o.errors}${o.expected ? ` (+${o.expected} expected)` : ''}`);
    }
    const breakdown = errorBreakdown(records);
    if (breakdown.length) console.log(`\nerrors: ${breakdown.slice(0, 10).map((b) => `${b.key} ×${b.count}`).join('; ')}`);

    const warmup = memoryWarmupSeconds(runSeconds);
    const limit = SOAK_TARGETS.maxMemorySlopeMbPerMinute;
    const seriesOf = (pick: (s: MemorySample) => number | undefined) =>
      sampler.samples.flatMap((s) => {
        const mb = pick(s);
        return mb === undefined ? [] : [{ t: s.t, mb }];
      });
    const listed = (pick: (s: MemorySample) => number | undefined) => sampler.samples.map((s) => pick(s)?.toFixed(0) ?? '?').join(' ');
    const treeSeries = seriesOf((s) => s.treeRssMb);
    const metricsSeries = seriesOf((s) => s.metricsRssMb);
    const rssSeries = treeSeries.length ? treeSeries : metricsSeries;
    const rssWhat = treeSeries.length ? 'RSS of the process tree (/proc)' : 'RSS (/api/metrics)';
    const rssTrend = memoryTrend(rssSeries, warmup, limit);
    // With /api/metrics: the live heap (what survived the last major collection) and everything
    // outside V8's heap (RSS − the heap V8 has reserved: code, buffers, native allocations).
    // Between them they cover the process; what they leave out is V8 sizing its heap between
    // collections, up to its limit, which the RSS alone would count as growth.
    const liveHeap = seriesOf((s) => s.heapLiveMb);
    const outsideHeap = seriesOf((s) => (s.metricsRssMb !== undefined && s.heapTotalMb !== undefined ? s.metricsRssMb - s.heapTotalMb : undefined));
    const judgedMemory =
      liveHeap.length && outsideHeap.length
        ? [
            { what: 'live V8 heap (in use after each major collection, /api/metrics)', trend: memoryTrend(liveHeap, warmup, limit) },
            { what: 'memory outside the V8 heap (RSS − heap reserved, /api/metrics)', trend: memoryTrend(outsideHeap, warmup, limit) },
          ]
        : [{ what: rssWhat, trend: rssTrend }];
    console.log(`
memory every ${SAMPLE_EVERY_MS / 1000} s — ${rssWhat}: ${listed((s) => s.treeRssMb ?? s.metricsRssMb)} MB`);
    console.log(`requests in flight at those moments: ${listed((s) => s.inFlight)}`);
    if (liveHeap.length) {
      console.log(`  V8 heap in use: ${listed((s) => s.heapUsedMb)} MB`);
      console.log(`  V8 heap live after the last major collection: ${listed((s) => s.heapLiveMb)} MB`);
      console.log(`  V8 heap reserved: ${listed((s) => s.heapTotalMb)} MB`);
      console.log(`  outside the V8 heap (RSS − reserved): ${outsideHeap.map((p) => p.mb.toFixed(0)).join(' ')} MB, of it external buffers: ${listed((s) => s.externalMb)} MB`);
    }
    console.log(
      `  ${rssWhat}: first minute ${rssTrend.firstMinuteMb.toFixed(1)} MB, last ${rssTrend.lastMinuteMb.toFixed(1)} MB, slope ${rssTrend.slopeMbPerMinute.toFixed(2)} MB/min` +
        (liveHeap.length ? ' (shown; judged on the two series above)' : ''),
    );

    const offeredRate = loop.sent / runSeconds;
    const answered = total.ok + total.expected + records.filter((r) => r.status > 0 && r.outcome === 'error').length;
    const serverCpu =
      cpuAtStart !== undefined && cpuAtEnd !== undefined
        ? { seconds: cpuAtEnd - cpuAtStart, cores: (cpuAtEnd - cpuAtStart) / wallSeconds, msPerAnsweredRequest: answered ? ((cpuAtEnd - cpuAtStart) * 1000) / answered : 0 }
        : undefined;
    if (serverCpu) {
      console.log(`server CPU: ${serverCpu.seconds.toFixed(1)} s over ${wallSeconds.toFixed(0)} s = ${serverCpu.cores.toFixed(2)} cores on average, ${serverCpu.msPerAnsweredRequest.toFixed(1)} ms per answered request`);
    }
    const verdict = soakChecks({ requests: total.requests, errors: total.errors, targetRate: options.rate, offeredRate, memory: judgedMemory });
    const saturated = sampler.samples.filter((x) => (x.inFlight ?? 0) >= learners.length * 0.9).length;
    if (saturated) {
      console.log(`  note: ${saturated} of ${sampler.samples.length} memory samples were taken with the server saturated (≥ 90 % of learners waiting): that memory holds the backlog`);
    }
    console.log(`\nTotal: ${total.requests} requests, p50 ${formatMs(total.p50)}, p95 ${formatMs(total.p95)}, p99 ${formatMs(total.p99)}, max ${formatMs(total.max)}; generator lag max ${formatMs(loop.maxLagMs)}; load ${loadStart} → ${load()}`);
    for (const check of verdict.checks) console.log(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
    console.log(verdict.pass ? '\nSOAK PASS' : '\nSOAK FAIL');

    const results = {
      kind: 'soak',
      finishedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, loadAtStart: loadStart, loadAtEnd: load() },
      options: { ...options, databaseUrl: options.databaseUrl ? '(given)' : undefined },
      mix: WORKLOAD_MIX,
      total,
      perMinute: windows,
      perOp,
      errors: breakdown,
      generator: { sent: loop.sent, offeredRate, maxLagMs: loop.maxLagMs },
      warmUp: {
        seconds: 5 + options.warmupSeconds,
        steps: [{ rate: 20, seconds: 5 }, ...ramp],
        requests: warmRecords.length,
        dropped: warmDropped,
        otherErrors: warmOtherErrors,
      },
      serverCpu,
      memory: { judged: judgedMemory, rss: { what: rssWhat, trend: rssTrend }, warmupSeconds: warmup, samples: sampler.samples },
      checks: verdict.checks,
      pass: verdict.pass,
    };
    const file = path.join(process.cwd(), 'bench', 'soak-results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
    return verdict.pass ? 0 : 1;
  } finally {
    client.close();
    await app?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
