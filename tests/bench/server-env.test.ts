import { parseEnv } from '@/lib/env';
import { serverEnv } from '@/bench/lib/server-env';

describe('the environment next start gets during the benchmark', () => {
  const env = serverEnv({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/workfree_bench' }, 's'.repeat(43));

  it('is production against the bench database with the floor route on and quiet logs', () => {
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/workfree_bench',
      ENABLE_BENCH_ROUTES: 'true',
      LOG_LEVEL: 'warn',
    });
  });

  it('lifts the per-IP budget that every loopback request would share, and keeps the in-process limiter', () => {
    expect(env.RATE_LIMIT_PUBLIC_PER_MINUTE).toBe('100000');
    expect(env.REDIS_URL).toBe('');
    expect(env.UPSTASH_REDIS_REST_URL).toBe('');
  });

  it('is a configuration the app accepts', () => {
    const parsed = parseEnv({ ...process.env, ...env } as NodeJS.ProcessEnv);
    expect(parsed.ENABLE_BENCH_ROUTES).toBe(true);
    expect(parsed.REDIS_URL).toBeUndefined();
    expect(parsed.AUTH_JWT_SECRET).toHaveLength(43);
  });
});
