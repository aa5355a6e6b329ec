/**
 * Creates (or reuses) the benchmark database: the app's migrations and demo catalog, then the
 * generated data set, ANALYZE, and a marker row saying which scale it holds.
 */
import postgres from 'postgres';
import { asService } from '@/lib/db';
import { postgresConnection, useConnection } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';
import { hashPassword } from '@/lib/auth/password';
import { seedDemoCatalog } from '@/lib/seed/seed-demo-catalog';
import { BENCH_PASSWORD, benchSizes, type BenchSizes } from './bench-data';
import { benchDatabase } from './bench-db';
import { generateBenchData, verifyIntegrity } from './generate';

export interface SeedOutcome {
  skipped: boolean;
  sizes: BenchSizes;
  seconds: number;
}

type Log = (message: string) => void;

/** The scale the database was seeded at, or null when it is missing, empty or half-seeded. */
export async function seededScale(url: string): Promise<number | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql<{ scale: string }[]>`
      select scale::text from bench.seed_marker where completed_at is not null order by completed_at desc limit 1`;
    return row ? Number(row.scale) : null;
  } catch {
    return null; // no database, or no marker table
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Applies migrations newer than the seeded data set; returns what it applied. */
export async function migrateBenchDatabase(url: string): Promise<string[]> {
  const connection = postgresConnection(benchDatabase(url).url, { max: 1 });
  try {
    return (await migrate(connection)).applied;
  } finally {
    await connection.close();
  }
}

export async function seedBenchDatabase(
  options: { databaseUrl: string; scale: number; force: boolean },
  log: Log = console.log,
): Promise<SeedOutcome> {
  const target = benchDatabase(options.databaseUrl);
  const sizes = benchSizes(options.scale);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  if (!options.force && (await seededScale(target.url)) === options.scale) {
    log(`${target.name} already holds the scale ${options.scale} data set (--force rebuilds it).`);
    return { skipped: true, sizes, seconds: elapsed() };
  }

  log(`Seeding ${target.name} at scale ${options.scale}: ${sizes.users} users, ${sizes.quests} quests, ${sizes.progress} progress rows, ${sizes.events} events`);
  const admin = postgres(target.maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${target.name} with (force)`);
    await admin.unsafe(`create database ${target.name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  const connection = postgresConnection(target.url, { max: 2 });
  useConnection(connection);
  try {
    const migrated = performance.now();
    await migrate(connection);
    const demo = await asService('bench-seed-demo-catalog', (tx) => seedDemoCatalog(tx));
    log(`  migrations and demo catalog (${demo.quests} quests): ${((performance.now() - migrated) / 1000).toFixed(1)} s`);
  } finally {
    useConnection(undefined);
    await connection.close();
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await sql`create schema bench`;
    await sql`create table bench.seed_marker (scale numeric primary key, started_at timestamptz not null default now(), completed_at timestamptz)`;
    await sql`insert into bench.seed_marker (scale) values (${options.scale})`;
    await generateBenchData(sql, sizes, passwordHash, log);
    let step = performance.now();
    await verifyIntegrity(sql);
    log(`  integrity check: ${((performance.now() - step) / 1000).toFixed(1)} s`);
    step = performance.now();
    await sql`vacuum analyze`;
    log(`  vacuum analyze: ${((performance.now() - step) / 1000).toFixed(1)} s`);
    await sql`update bench.seed_marker set completed_at = now() where scale = ${options.scale}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  log(`Seeded ${target.name} in ${elapsed().toFixed(1)} s.`);
  return { skipped: false, sizes, seconds: elapsed() };
}
