import { z } from 'zod';
import { parseDataKey } from '@/lib/crypto/field-encryption';

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

/** https, or http only to this machine: the API key travels in a header. */
const sendGridUrl = z
  .string()
  .url()
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  }, 'must be an https:// URL (plain http only to localhost)');

/** `WorkFree <no-reply@example.com>` or `no-reply@example.com`: the forms SendGrid accepts. */
const mailFrom = z
  .string()
  .regex(/^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be "Name <address>" or an address');

/** The key format field encryption accepts, checked at boot rather than at the first sign-in. */
function isDataKey(value: string): boolean {
  try {
    parseDataKey(value);
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL (Supabase pooler or any PostgreSQL ≥ 15). Unset: embedded PGlite under .data/. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections per server instance when DATABASE_URL is set. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Named prepared statements on DATABASE_URL's connections: `auto` (default) uses them except on
   * port 6543 (Supabase's transaction pooler cannot keep them); `true`/`false` decide outright.
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['auto', 'true', 'false', ''])
    .optional()
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : 'auto')),
  /** Where the embedded database keeps its files. */
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** Lets a production build run on embedded defaults that lose data on serverless hosts. */
  ALLOW_EMBEDDED_IN_PRODUCTION: booleanFlag,
  /** Public origin of the app (https://workfree.example), used in emailed links. Default: the request's origin. */
  APP_URL: z.string().url().optional(),
  /** HS256 secret for the built-in adapter's access tokens (≥ 32 characters). Without it, a
   * random secret is generated and kept in .data/ — refused on serverless production hosts. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Auth port: Supabase Auth when the URL and anon key are set; built-in auth otherwise. */
  NEXT_PUBLIC_SUPABASE_URL: z.string().url().optional(),
  NEXT_PUBLIC_SUPABASE_ANON_KEY: z.string().min(1).optional(),
  /** Supabase service-role key: server-only, never NEXT_PUBLIC_. Used for one job — deleting a
   * user's Supabase Auth account (auth.admin.deleteUser); without it account deletion answers 503. */
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
  /** Rate-limit port: Upstash REST, or a Redis server through ioredis; in-process otherwise. */
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /**
   * Believe X-Forwarded-For / X-Real-IP for the client address (per-IP rate limits). Only behind a
   * proxy that overwrites them, as Vercel does; anyone can send these headers to a bare server.
   */
  TRUST_PROXY: booleanFlag,
  /** Storage port: any S3-compatible bucket; local files under UPLOADS_DIR otherwise. */
  S3_BUCKET: z.string().min(1).optional(),
  /** The bucket's region (`auto` on R2; the project's region on Supabase Storage). */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** S3-compatible endpoint (Supabase Storage `https://<ref>.supabase.co/storage/v1/s3`, R2, MinIO). Unset: AWS S3. */
  S3_ENDPOINT: z.string().url().optional(),
  /** Static credentials, both or neither; neither: the AWS SDK's default chain (an IAM role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key): MinIO and Supabase Storage need them. */
  S3_FORCE_PATH_STYLE: booleanFlag,
  /** Public base URL of the bucket or its CDN: uploads link there instead of /api/media/…. https only,
   * as quests.cover_image_url requires. */
  S3_PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => v.startsWith('https://'), 'must be an https:// URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Where the embedded storage keeps uploaded files. */
  UPLOADS_DIR: z.string().min(1).default('.data/uploads'),
  /** Mail port: SendGrid; the outbox table otherwise. */
  SENDGRID_API_KEY: z.string().min(1).optional(),
  /** SendGrid API host: the global one, the EU one, or (tests) a local double over plain HTTP. */
  SENDGRID_API_URL: sendGridUrl.default('https://api.sendgrid.com/'),
  /** Sender of every mail: `Name <address>` or a bare address, verified in SendGrid. */
  MAIL_FROM: mailFrom.default('WorkFree <no-reply@workfree.local>'),
  /**
   * First-run bootstrap: comma-separated emails (`ada@example.com`) or domains (`@example.com`)
   * whose accounts become super_admin when they verify their email. Empty in most deployments;
   * `npm run user:promote` does the same from a shell.
   */
  BOOTSTRAP_SUPER_ADMINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)),
  /** Serves /dev/mailbox (the outbox, with its single-use links) in production: e2e runs only. */
  ENABLE_DEV_MAILBOX: booleanFlag,
  /** Billing port: Stripe; billing is off otherwise. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Signing secret of the webhook endpoint (whsec_…): webhooks are refused without it. */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Price ids of the two premium plans. */
  STRIPE_PRICE_MONTHLY: z.string().min(1).optional(),
  STRIPE_PRICE_YEARLY: z.string().min(1).optional(),
  /** Tests only: point the Stripe client at a local HTTP double (http://127.0.0.1:PORT). */
  STRIPE_API_BASE: z
    .string()
    .url()
    .refine((v) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(v), 'must be a local http:// URL (tests only)')
    .optional(),
  /** pino log level; `silent` turns logging off (tests). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token that GET /api/metrics requires; without it the metrics route answers 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * 32-byte key (base64 or 64 hex characters) for AES-256-GCM encryption of sensitive profile
   * fields at rest. Optional on the embedded defaults (a key is derived and kept under .data).
   */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine(isDataKey, 'must be 32 random bytes as base64 or 64 hex characters')
    .optional(),
  /** Serves the benchmark's constant-JSON floor route (/api/bench/floor): bench runs only. */
  ENABLE_BENCH_ROUTES: booleanFlag,
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
  // Vercel's edge overwrites X-Forwarded-For with the real client address, so there it is
  // trustworthy unless explicitly turned off; elsewhere it must be turned on deliberately.
  if (cleaned.TRUST_PROXY === undefined && env.VERCEL) env.TRUST_PROXY = true;
  const serverless = Boolean(env.VERCEL || env.AWS_LAMBDA_FUNCTION_NAME);
  if (env.NODE_ENV === 'production' && serverless && !env.DATABASE_URL && !env.ALLOW_EMBEDDED_IN_PRODUCTION) {
    throw new ConfigError(
      'DATABASE_URL is missing: the embedded PGlite database would lose its data on a serverless host. ' +
        'Set DATABASE_URL to your Supabase or PostgreSQL connection string ' +
        '(or ALLOW_EMBEDDED_IN_PRODUCTION=true to accept losing data).',
    );
  }
  const supabaseAuth = Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_ANON_KEY);
  if (env.NODE_ENV === 'production' && serverless && !supabaseAuth && !env.AUTH_JWT_SECRET) {
    throw new ConfigError(
      'AUTH_JWT_SECRET is missing: built-in auth on a serverless host needs one shared signing secret ' +
        '(32+ random characters), or configure Supabase Auth (NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_ANON_KEY).',
    );
  }
  if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.DATA_ENCRYPTION_KEY) {
    // A key generated on an app server's disk would be lost with that disk while the database and
    // its backups live on, unreadable in the encrypted columns (lib/crypto/data-keys.ts).
    throw new ConfigError(
      'DATA_ENCRYPTION_KEY is missing: production with DATABASE_URL needs a fixed 32-byte key for the encrypted ' +
        "fields. Generate one with node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\".",
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
