/** The environment `next start` runs with during the benchmark. */
import { createHash } from 'node:crypto';
import type { RunArgs } from './args';

/**
 * Production with DATABASE_URL refuses to start without a data key. The bench database holds only
 * generated learners, so a key derived from a fixed label will do — and being fixed, values written
 * in one run still decrypt in the next against the same database.
 */
const BENCH_DATA_KEY = createHash('sha256').update('workfree-bench-data-key').digest('hex');

export const POOL_MAX = 10;
/** Enough learners that none comes near the 100-a-minute API limit at a few thousand req/s. */
export const LEARNERS = 5_000;

/** What `next start` is given: production, the bench database, limits that keep loopback load possible. */
export function serverEnv(args: Pick<RunArgs, 'databaseUrl'>, jwtSecret: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: args.databaseUrl,
    DATABASE_POOL_MAX: String(POOL_MAX),
    AUTH_JWT_SECRET: jwtSecret,
    DATA_ENCRYPTION_KEY: BENCH_DATA_KEY,
    ENABLE_BENCH_ROUTES: 'true',
    // Every anonymous request comes from 127.0.0.1: the per-IP budget would otherwise cap the
    // catalog page at 20 a minute. Signed-in calls rotate over many learners instead.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    // The in-process limiter and the embedded ports: the run measures the app and its database.
    REDIS_URL: '',
    UPSTASH_REDIS_REST_URL: '',
    UPSTASH_REDIS_REST_TOKEN: '',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

