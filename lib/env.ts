import { z } from 'zod';

/**
 * Configuration, read once and validated. Every variable the app reads is declared here and
 * documented in .env.example; nothing else reads process.env for settings.
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL (Supabase pooler or any PostgreSQL ≥ 15). Unset: embedded PGlite under .data/. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections per server instance when DATABASE_URL is set. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded database keeps its files. */
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** Lets a production build run on embedded defaults that lose data on serverless hosts. */
  ALLOW_EMBEDDED_IN_PRODUCTION: booleanFlag,
  /** Auth port: Supabase Auth when the URL and anon key are set; built-in auth otherwise. */
  NEXT_PUBLIC_SUPABASE_URL: z.string().url().optional(),
  NEXT_PUBLIC_SUPABASE_ANON_KEY: z.string().min(1).optional(),
  /** Rate-limit port: Upstash REST, or a Redis server through ioredis; in-process otherwise. */
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Storage port: any S3-compatible bucket; local files under .data/uploads otherwise. */
  S3_BUCKET: z.string().min(1).optional(),
  /** Mail port: SendGrid; the outbox table otherwise. */
  SENDGRID_API_KEY: z.string().min(1).optional(),
  /** Billing port: Stripe; billing is off otherwise. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Set by Vercel and AWS Lambda: the host's disk is not kept between invocations. */
  VERCEL: z.string().optional(),
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings in .env files mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  const serverless = Boolean(env.VERCEL || env.AWS_LAMBDA_FUNCTION_NAME);
  if (env.NODE_ENV === 'production' && serverless && !env.DATABASE_URL && !env.ALLOW_EMBEDDED_IN_PRODUCTION) {
    throw new ConfigError(
      'DATABASE_URL is missing: the embedded PGlite database would lose its data on a serverless host. ' +
        'Set DATABASE_URL to your Supabase or PostgreSQL connection string ' +
        '(or ALLOW_EMBEDDED_IN_PRODUCTION=true to accept losing data).',
    );
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the cached copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
