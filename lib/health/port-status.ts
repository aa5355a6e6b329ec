import 'server-only';
import { sql } from 'drizzle-orm';
import { asUser, queryRows } from '@/lib/db';
import { env, type Env } from '@/lib/env';

export interface DatabaseStatus {
  status: 'up' | 'down';
  driver: 'pglite' | 'postgres';
  latencyMs: number;
  error?: string;
}

export interface PortStatus {
  adapter: string;
  embedded: boolean;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  ports: {
    database: DatabaseStatus;
    auth: PortStatus;
    rateLimit: PortStatus;
    storage: PortStatus;
    mail: PortStatus;
    billing: PortStatus;
  };
}

/** Which backend each port is configured to use (the ports check their own reachability). */
export function configuredAdapters(config: Env): Omit<HealthReport['ports'], 'database'> {
  const supabase = Boolean(config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY);
  return {
    auth: { adapter: supabase ? 'supabase' : 'built-in', embedded: !supabase },
    rateLimit: config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN
      ? { adapter: 'upstash', embedded: false }
      : config.REDIS_URL
        ? { adapter: 'redis', embedded: false }
        : { adapter: 'in-process', embedded: true },
    storage: config.S3_BUCKET ? { adapter: 's3', embedded: false } : { adapter: 'local-files', embedded: true },
    mail: config.SENDGRID_API_KEY ? { adapter: 'sendgrid', embedded: false } : { adapter: 'outbox', embedded: true },
    billing: config.STRIPE_SECRET_KEY ? { adapter: 'stripe', embedded: false } : { adapter: 'off', embedded: true },
  };
}

/** Asks the database a question as `anon` — the same path a public page takes. */
export async function checkDatabase(): Promise<DatabaseStatus> {
  const driver = env().DATABASE_URL ? 'postgres' : 'pglite';
  const started = performance.now();
  try {
    await asUser(null, (tx) => queryRows(tx, sql`select 1 as ok`));
    return { status: 'up', driver, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The reason stays in the server log: a public endpoint must not reveal hosts or credentials.
    console.error('health: database check failed', error);
    return { status: 'down', driver, latencyMs: Math.round(performance.now() - started), error: 'database unreachable' };
  }
}

export async function healthReport(): Promise<HealthReport> {
  const database = await checkDatabase();
  return {
    status: database.status === 'up' ? 'ok' : 'degraded',
    ports: { database, ...configuredAdapters(env()) },
  };
}
