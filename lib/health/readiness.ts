import 'server-only';
import { access, mkdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { sql } from 'drizzle-orm';
import { asUser, queryRows } from '@/lib/db';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { pingRateLimitBackend } from '@/lib/ratelimit';
import { storage } from '@/lib/storage';

/**
 * Readiness: can this instance serve traffic? Each port is asked live where that is cheap and
 * safe, with its own short timeout, all in parallel:
 * - database: `select 1` as anon, the path every public page takes;
 * - rateLimit: PING to Redis or Upstash (the in-process limiter is always there);
 * - storage: S3 — a GET of a key that does not exist (proves endpoint, credentials and bucket);
 *   local files — the uploads directory exists and is writable;
 * - mail, billing, auth: configuration only. Probing SendGrid, Stripe or Supabase Auth on every
 *   probe would spend their rate limits, and their outages do not stop the app serving pages.
 * Answers carry no hostnames and no error text: the reasons go to the log.
 */

export type PortState = 'up' | 'down' | 'configured';

export interface PortReport {
  adapter: string;
  status: PortState;
  latencyMs?: number;
}

export type PortName = 'database' | 'rateLimit' | 'storage' | 'mail' | 'billing' | 'auth';

export interface ReadinessReport {
  ready: boolean;
  ports: Record<PortName, PortReport>;
}

const DATABASE_TIMEOUT_MS = 3000;
const PORT_TIMEOUT_MS = 1500;
const STORAGE_PROBE_KEY = 'health/readiness-probe';

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Times one live check; a failure is logged with its reason and reported only as "down". */
async function probe(port: PortName, adapter: string, check: () => Promise<unknown>, timeoutMs = PORT_TIMEOUT_MS): Promise<PortReport> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs);
    return { adapter, status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger().warn({ port, adapter, err: error }, 'readiness check failed');
    return { adapter, status: 'down', latencyMs: Math.round(performance.now() - started) };
  }
}

function rateLimitAdapter(config: Env): string {
  if (config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN) return 'upstash';
  return config.REDIS_URL ? 'redis' : 'in-process';
}

function checkStorage(): Promise<PortReport> {
  const store = storage();
  const { adapter, location } = store.describe();
  if (adapter === 's3') return probe('storage', adapter, () => store.get(STORAGE_PROBE_KEY));
  return probe('storage', adapter, async () => {
    await mkdir(location, { recursive: true });
    await access(location, constants.W_OK);
  });
}

export async function readinessReport(): Promise<ReadinessReport> {
  const config = env();
  const [database, rateLimit, files] = await Promise.all([
    probe('database', config.DATABASE_URL ? 'postgres' : 'pglite', () => asUser(null, (tx) => queryRows(tx, sql`select 1 as ok`)), DATABASE_TIMEOUT_MS),
    probe('rateLimit', rateLimitAdapter(config), () => pingRateLimitBackend()),
    checkStorage(),
  ]);
  const supabase = Boolean(config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY);
  const ports: ReadinessReport['ports'] = {
    database,
    rateLimit,
    storage: files,
    mail: { adapter: config.SENDGRID_API_KEY ? 'sendgrid' : 'outbox', status: 'configured' },
    billing: { adapter: config.STRIPE_SECRET_KEY ? 'stripe' : 'off', status: 'configured' },
    auth: { adapter: supabase ? 'supabase' : 'built-in', status: 'configured' },
  };
  return { ready: Object.values(ports).every((port) => port.status !== 'down'), ports };
}
