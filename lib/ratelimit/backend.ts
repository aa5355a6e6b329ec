import 'server-only';
import { Redis as IORedis } from 'ioredis';
import { Redis as UpstashRedis } from '@upstash/redis';
import { ConfigError, type Env } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { IoredisUpstashAdapter } from './ioredis-adapter';
import { memoryBackend } from './memory';
import { redisBackend, type RedisBackendOptions } from './redis-backend';
import type { RateLimitBackend } from './types';

/**
 * Picks the rate-limit backend from configuration (ARCHITECTURE §2): Upstash REST, else a Redis
 * server, else the in-process limiter.
 */
export function createRateLimitBackend(config: Env, options: RedisBackendOptions = {}): RateLimitBackend {
  const url = config.UPSTASH_REDIS_REST_URL;
  const token = config.UPSTASH_REDIS_REST_TOKEN;
  if (url || token) {
    // Half a pair is a typo, not a choice: silently using another backend would hide it.
    if (!url || !token) {
      const missing = url ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL';
      throw new ConfigError(`${missing} is missing: Upstash rate limiting needs both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN.`);
    }
    const client = new UpstashRedis({ url, token, enableTelemetry: false });
    return redisBackend('upstash', client, { ping: () => client.ping(), ...options });
  }

  if (config.REDIS_URL) {
    // lazyConnect: nothing dials Redis at import or build time. maxRetriesPerRequest: 1 makes
    // commands fail fast during an outage (and use the fallback) instead of queueing for minutes.
    const client = new IORedis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    // ioredis reconnects in the background and emits each failed attempt; without a listener it
    // prints every one to stderr as plain text. The limiter's own warning (once a minute) alerts.
    client.on('error', (error: unknown) => logger().debug({ err: error }, 'redis connection error'));
    const close = async () => {
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    };
    return redisBackend('redis', new IoredisUpstashAdapter(client), { close, ping: () => client.ping(), ...options });
  }

  const serverless = Boolean(config.VERCEL || config.AWS_LAMBDA_FUNCTION_NAME);
  if (config.NODE_ENV === 'production' && serverless && !config.ALLOW_EMBEDDED_IN_PRODUCTION) {
    throw new ConfigError(
      'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (or REDIS_URL) are missing: in-process rate ' +
        'limits are per instance and reset on every cold start, so login throttling would not hold on a ' +
        'serverless host. Set them (or ALLOW_EMBEDDED_IN_PRODUCTION=true to accept that).',
    );
  }
  return memoryBackend();
}
