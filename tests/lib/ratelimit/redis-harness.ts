import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Shared by the Redis-backed rate-limit tests: they run only when REDIS_URL is set, only against
 * this machine (they delete keys), each under a key prefix of its own that they remove afterwards.
 */

export const redisUrl = process.env.REDIS_URL;

export const describeWithRedis = redisUrl ? describe : (describe as jest.Describe).skip;

export function localRedis(): Redis {
  if (!redisUrl) throw new Error('REDIS_URL is not set');
  const { hostname } = new URL(redisUrl);
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname)) {
    throw new Error(`Refusing to run rate-limit tests against ${hostname}: REDIS_URL must point at this machine`);
  }
  return new Redis(redisUrl, { maxRetriesPerRequest: 1 });
}

export const uniquePrefix = () => `wf-test:rl:${randomUUID()}`;

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}

/**
 * @upstash/ratelimit's sliding window counts per fixed bucket aligned to the epoch. A test that
 * straddles a bucket boundary sees part of its count discounted, so start well inside one.
 */
export async function awayFromBucketEdge(windowMs: number, marginMs = 3000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
