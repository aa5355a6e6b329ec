/**
 * The app as the soak and fault runs see it: a private PostgreSQL seeded by `npm run bench:seed`,
 * a private Redis as the rate limiter's store, a production build and `next start` on a free
 * loopback port, and bearer tokens for many seeded learners. close() undoes all of it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildNext, startNextServer, type StartedServer } from './next-server';
import { mintAccessTokens, type MintedSession } from './sessions';
import { freePort, registerExitCleanup, startPrivateServices, type PrivateServices } from './private-services';

export interface AppUnderTest {
  url: string;
  /** The `next start` process (its tree is what memory sampling reads). */
  pid: number;
  databaseUrl: string;
  services: PrivateServices;
  server: StartedServer;
  learners: MintedSession[];
  metricsToken: string;
  close(): Promise<void>;
}

/**
 * Everything the server would otherwise pick up from the caller's shell and that would change
 * what is measured (another rate-limit store, Supabase Auth, real mail or payments): blanked,
 * which lib/env.ts reads as unset.
 */
const BLANKED = [
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'NEXT_PUBLIC_SUPABASE_URL',
  'NEXT_PUBLIC_SUPABASE_ANON_KEY',
  'SUPABASE_SERVICE_ROLE_KEY',
  'S3_BUCKET',
  'SENDGRID_API_KEY',
  'STRIPE_SECRET_KEY',
  'TRUST_PROXY',
  'APP_URL',
];

/**
 * The server's environment. RATE_LIMIT_PUBLIC_PER_MINUTE: every simulated visitor shares
 * 127.0.0.1, so the anonymous per-IP budget (20 a minute) would refuse the run's few anonymous
 * requests (sign-ins) after a moment; the per-learner API budget (100 a minute) stays as in
 * production and the workload spreads its requests over enough learners to keep under it.
 */
export function serverEnvironment(options: { databaseUrl: string; redisUrl: string; jwtSecret: string; metricsToken: string }): Record<string, string> {
  return {
    ...Object.fromEntries(BLANKED.map((name) => [name, ''])),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    AUTH_JWT_SECRET: options.jwtSecret,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    METRICS_TOKEN: options.metricsToken,
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
  };
}

/** `npm run bench:seed` in `cwd`, as a separate process (it opens its own database connections). */
function seed(cwd: string, databaseUrl: string, scale: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench:seed', '--', '--database-url', databaseUrl, '--scale', String(scale)], {
      cwd,
      stdio: 'inherit',
      env: process.env,
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run bench:seed failed (exit ${code})`))));
  });
}

export async function startAppUnderTest(options: {
  cwd: string;
  scale: number;
  learners: number;
  skipBuild: boolean;
  tokenTtlSeconds: number;
  /** Extra node flags for next start (e.g. --cpu-prof). */
  nodeArgs?: string[];
  log?: (message: string) => void;
}): Promise<AppUnderTest> {
  const log = options.log ?? console.log;
  const services = await startPrivateServices();
  try {
    log(`Private PostgreSQL on 127.0.0.1:${services.postgres.port}, private Redis on 127.0.0.1:${services.redis.port} (under ${services.dir})`);
    const databaseUrl = services.postgres.url;
    await seed(options.cwd, databaseUrl, options.scale);
    const jwtSecret = randomBytes(32).toString('base64url');
    const metricsToken = randomBytes(24).toString('base64url');
    const env = serverEnvironment({ databaseUrl, redisUrl: services.redis.url, jwtSecret, metricsToken });
    if (!options.skipBuild) {
      log('next build …');
      await buildNext(options.cwd, env);
    }
    const port = await freePort(3210);
    const server = await startNextServer({ cwd: options.cwd, port, env, nodeArgs: options.nodeArgs });
    log(`next start on ${server.url} (pid ${server.pid})`);
    // next start runs in its own process group (see next-server.ts): Ctrl-C here does not reach it.
    const unregister = registerExitCleanup(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    });
    let learners: MintedSession[];
    try {
      learners = await mintAccessTokens(databaseUrl, { jwtSecret, count: options.learners, ttlSeconds: options.tokenTtlSeconds });
    } catch (error) {
      await server.stop();
      unregister();
      throw error;
    }
    return {
      url: server.url,
      pid: server.pid,
      databaseUrl,
      services,
      server,
      learners,
      metricsToken,
      async close() {
        await server.stop();
        unregister();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
