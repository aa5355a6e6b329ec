/**
 * `npm run bench:seed -- [--database-url URL] [--scale 0..1] [--force]`: seeds the benchmark
 * database (default postgres://postgres@127.0.0.1:5432/workfree_bench, or BENCH_DATABASE_URL).
 * Only a database on this machine; it is dropped and recreated unless it already holds the
 * same scale.
 */
import { parseSeedArgs, UsageError } from './lib/args';
import { seedBenchDatabase } from './lib/seed-database';

async function main() {
  const args = parseSeedArgs(process.argv.slice(2), process.env);
  await seedBenchDatabase(args);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `Usage: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
