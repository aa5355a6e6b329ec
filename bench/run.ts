/**
 * `npm run bench [-- --scale S --duration SECONDS --warmup SECONDS --connections 10,50 --skip-build
 * --skip-seed --only a,b --cpu-prof --port P --database-url URL]`
 *
 * Seeds (or reuses) the bench database, builds the app, starts `next start` against it in
 * production mode and drives every scenario with autocannon at each connection count, next to two
 * references: Next's empty route (the floor) and bench/reference-server.ts (the same SQL on bare
 * node:http + postgres-js). Prints the table, writes bench/results.json and the table in
 * bench/README.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRunArgs, UsageError, type RunArgs } from './lib/args';
import { benchDatabase } from './lib/bench-db';
import { drive } from './lib/drive';
import { loadFixtures } from './lib/fixtures';
import { processTreeCpuSeconds } from './lib/memory-sampler';
import { machineInfo } from './lib/machine';
import { buildNext, startNextServer, type StartedServer } from './lib/next-server';
import { startReferenceServer } from './lib/reference-process';
import { checkTargets, formatTable, mergeMeasurements, summarize, type Measurement } from './lib/report';
import { buildScenarios } from './lib/scenarios';
import { migrateBenchDatabase, seedBenchDatabase, seededScale } from './lib/seed-database';
import { replaceResultsBlock } from './lib/readme-block';
import { LEARNERS, POOL_MAX, serverEnv } from './lib/server-env';

async function main() {
  const args = parseRunArgs(process.argv.slice(2), process.env);
  const repo = process.cwd();
  const started = Date.now();
  benchDatabase(args.databaseUrl);

  if (args.skipSeed) {
    const scale = await seededScale(args.databaseUrl);
    if (scale === null) throw new Error(`${args.databaseUrl} is not seeded: run without --skip-seed (or npm run bench:seed) first`);
    args.scale = scale;
    console.log(`Using the scale ${scale} data set already in the bench database.`);
  } else {
    await seedBenchDatabase(args);
  }
  // A data set seeded earlier may predate the code: apply any newer migration (idempotent).
  const applied = await migrateBenchDatabase(args.databaseUrl);
  if (applied.length) console.log(`Applied ${applied.join(', ')} to the bench database.`);

  if (args.skipBuild) console.log('Skipping next build (using the existing .next).');
  else await buildNext(repo, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

  const jwtSecret = crypto.randomBytes(32).toString('base64url');
  const fixtures = await loadFixtures(args.databaseUrl, jwtSecret, LEARNERS);
  console.log(`${fixtures.tokens.length} learners signed in; ${fixtures.playable.length} progress rows to move, ${fixtures.gradable.length} open quiz steps to grade.`);
  const machine = await machineInfo(args.databaseUrl, repo);

  // Outside the repository, so a profile is never committed by accident.
  const profileDir = args.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'workfree-bench-profile-')) : undefined;
  const servers: StartedServer[] = [];
  const measurements: Measurement[] = [];
  try {
    const next = await startNextServer({
      cwd: repo,
      port: args.port,
      env: serverEnv(args, jwtSecret),
      // NODE_OPTIONS refuses --cpu-prof; the profile is written when the server exits.
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    servers.push(next);
    const reference = await startReferenceServer({ cwd: repo, port: args.port + 1, databaseUrl: args.databaseUrl, jwtSecret, poolMax: POOL_MAX });
    servers.push(reference);
    const scenarios = buildScenarios(fixtures).filter((s) => !args.only || args.only.includes(s.name));
    const measure = async (scenario: (typeof scenarios)[number], connections: number) => {
      const base = scenario.server === 'next' ? next.url : reference.url;
      if (args.warmup > 0) await drive(base, scenario, connections, args.warmup);
      // Server CPU per request: steadier than throughput on a machine whose neighbours come and go.
      const pid = scenario.server === 'next' ? next.pid : reference.pid;
      const cpuBefore = processTreeCpuSeconds(pid);
      const m = await drive(base, scenario, connections, args.duration);
      const cpuAfter = processTreeCpuSeconds(pid);
      const answered = m.ok + m.non2xx;
      const rps = (answered / m.seconds).toFixed(0);
      const cpu = cpuBefore !== undefined && cpuAfter !== undefined && answered ? `, ${(((cpuAfter - cpuBefore) * 1000) / answered).toFixed(2)} ms server CPU each` : '';
      console.log(`  ${scenario.name.padEnd(18)} ${String(connections).padStart(3)} conns: ${rps} req/s${cpu}${m.note ? ` (${m.note})` : ''}`);
      return m;
    };
    for (const connections of args.connections) {
      const block: Measurement[] = [];
      for (const scenario of scenarios) block.push(await measure(scenario, connections));
      // The floor again at the end of the block: on a shared machine the load drifts within minutes.
      const floor = scenarios.find((s) => s.name === 'floor');
      if (floor && scenarios.length > 1) {
        const first = block.findIndex((m) => m.scenario === 'floor');
        block[first] = mergeMeasurements(block[first]!, await measure(floor, connections));
      }
      measurements.push(...block);
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }

  const rows = summarize(measurements);
  const targets = checkTargets(rows);
  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  for (const t of targets) console.log(`${t.met ? 'MET   ' : 'MISSED'} ${t.target}${t.misses.length ? `: ${t.misses.join('; ')}` : ''}`);

  const results = {
    machine,
    scale: args.scale,
    durationSeconds: args.duration,
    warmupSeconds: args.warmup,
    connections: args.connections,
    learners: fixtures.tokens.length,
    rows,
    targets,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  if (!args.only) {
    fs.writeFileSync(path.join(repo, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const readme = path.join(repo, 'bench', 'README.md');
    if (fs.existsSync(readme)) fs.writeFileSync(readme, replaceResultsBlock(fs.readFileSync(readme, 'utf8'), results, table));
    console.log('Wrote bench/results.json and the table in bench/README.md.');
  } else {
    console.log('--only: partial run, bench/results.json left as it was.');
  }
  if (profileDir) console.log(`CPU profile of next start in ${profileDir} (open it in Chrome DevTools).`);
  console.log(`Done in ${results.totalSeconds} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `Usage: ${error.message}` : error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
