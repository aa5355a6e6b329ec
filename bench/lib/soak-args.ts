/**
 * Command lines of `npm run soak` and `npm run faults`. Both are load generators, so their
 * arguments are bounded: loopback targets only (they must never be pointed at somebody else's
 * server), and hard caps on rate, duration and total requests whatever the flags say.
 */
import { parseArgs } from '@/lib/backup/cli-args';

/** Hard caps: no flag goes past these. */
export const SOAK_LIMITS = {
  maxRate: 1000,
  maxDurationSeconds: 1800,
  /** Rate × duration, plus the warm-up, can never exceed this many requests in one run. */
  maxTotalRequests: 500_000,
  maxUsers: 5000,
  maxWarmupSeconds: 300,
} as const;

export const DEFAULT_WARMUP_SECONDS = 30;
/** The warm-up's first 5 s at 20 req/s load every route once, before the ramp. */
export const WARMUP_FIRST_HITS = 100;

export interface SoakOptions {
  /** Target arrival rate, requests per second (open model). */
  rate: number;
  durationSeconds: number;
  /** The run stops at this many requests even if time is left. */
  maxRequests: number;
  /** Distinct learners whose tokens the workload spreads over (the API allows 100 a minute each). */
  users: number;
  /** bench:seed's --scale for the private database. */
  scale: number;
  skipBuild: boolean;
  /** An already running server to soak instead of starting one (loopback only). */
  target: string | undefined;
  /** Its database, for minting tokens (loopback only); required with --target. */
  databaseUrl: string | undefined;
  /** Profile the server started here (--cpu-prof): written to a temporary directory when it stops. */
  cpuProfile: boolean;
  /** Unmeasured ramp before the run, seconds (warmUpSteps). */
  warmupSeconds: number;
}

/** How long each step of the warm-up ramp lasts. */
const WARMUP_STEP_SECONDS = 5;

/**
 * The warm-up before the measured run: the same workload, its rate rising in 5-second steps from
 * a tenth of the target to the target. A process that has just started runs its code unoptimised
 * (V8 compiles hot functions after they have run a while) and its caches empty; thrown straight
 * from nothing to the full rate it falls behind in its first seconds, a cold start the run would
 * then report as the steady state. Rates are whole requests per second, at least 1.
 */
export function warmUpSteps(rate: number, warmupSeconds: number): { rate: number; seconds: number }[] {
  const steps = Math.ceil(warmupSeconds / WARMUP_STEP_SECONDS);
  return Array.from({ length: steps }, (_, i) => ({
    rate: Math.max(1, Math.round(rate * (0.1 + (0.9 * i) / Math.max(1, steps - 1)))),
    seconds: Math.min(WARMUP_STEP_SECONDS, warmupSeconds - i * WARMUP_STEP_SECONDS),
  }));
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for http(s) or postgres URLs whose host is this machine. */
export function isLoopbackTarget(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

function numberOption(raw: string | undefined, name: string, fallback: number, min: number, max: number, integer = true): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${raw}).`);
  }
  return value;
}

/**
 * The API limit is 100 requests a minute per learner: at `rate` requests a second spread evenly
 * that needs rate × 60 / 100 learners; twice that leaves room for uneven picks.
 */
export function minimumUsersFor(rate: number): number {
  return Math.ceil((rate * 60 * 2) / 100);
}

export function parseSoakArgs(argv: string[], defaults: { rate: number; durationSeconds: number; users: number; scale: number }): SoakOptions {
  const args = parseArgs(argv, {
    flags: ['skip-build', 'cpu-prof'],
    options: ['rate', 'duration', 'max-requests', 'users', 'scale', 'target', 'database-url', 'warmup'],
  });
  if (args.positional.length) throw new Error(`Unexpected argument ${args.positional[0]} (options start with --).`);
  const rate = numberOption(args.options.get('rate'), 'rate', defaults.rate, 1, SOAK_LIMITS.maxRate);
  const durationSeconds = numberOption(args.options.get('duration'), 'duration', defaults.durationSeconds, 10, SOAK_LIMITS.maxDurationSeconds);
  const planned = rate * durationSeconds;
  if (planned > SOAK_LIMITS.maxTotalRequests) {
    throw new Error(`--rate × --duration = ${planned} requests, above the cap of ${SOAK_LIMITS.maxTotalRequests}.`);
  }
  // A little headroom over the plan, for the catch-up after a stall; never above the hard cap.
  const defaultMax = Math.min(SOAK_LIMITS.maxTotalRequests, Math.ceil(planned * 1.02));
  const maxRequests = numberOption(args.options.get('max-requests'), 'max-requests', defaultMax, 1, SOAK_LIMITS.maxTotalRequests);
  const users = numberOption(args.options.get('users'), 'users', Math.max(defaults.users, minimumUsersFor(rate)), 1, SOAK_LIMITS.maxUsers);
  if (users < minimumUsersFor(rate) / 2) {
    throw new Error(`--users ${users} is too few for ${rate} req/s: each learner may send 100 requests a minute (need at least ${Math.ceil(minimumUsersFor(rate) / 2)}).`);
  }
  const scale = numberOption(args.options.get('scale'), 'scale', defaults.scale, 0.0001, 1, false);
  const warmupSeconds = numberOption(args.options.get('warmup'), 'warmup', DEFAULT_WARMUP_SECONDS, 0, SOAK_LIMITS.maxWarmupSeconds);
  const warmupRequests = WARMUP_FIRST_HITS + warmUpSteps(rate, warmupSeconds).reduce((sum, step) => sum + step.rate * step.seconds, 0);
  if (maxRequests + warmupRequests > SOAK_LIMITS.maxTotalRequests) {
    throw new Error(`The run and its warm-up would send up to ${maxRequests + warmupRequests} requests, above the cap of ${SOAK_LIMITS.maxTotalRequests}.`);
  }

  const target = args.options.get('target');
  const databaseUrl = args.options.get('database-url');
  if (target !== undefined && !isLoopbackTarget(target)) {
    throw new Error(`--target must be on this machine (localhost, 127.0.0.1 or ::1): this is a load generator. Got ${target}.`);
  }
  if (target !== undefined && !/^https?:$/.test(new URL(target).protocol)) throw new Error('--target must be an http:// URL.');
  if (databaseUrl !== undefined && !isLoopbackTarget(databaseUrl)) {
    throw new Error('--database-url must be on this machine (localhost, 127.0.0.1 or ::1).');
  }
  if (target !== undefined && databaseUrl === undefined) {
    throw new Error('--target needs --database-url (its database, to mint the learners\' tokens) and AUTH_JWT_SECRET set as the server has it.');
  }
  return {
    rate,
    durationSeconds,
    maxRequests,
    users,
    scale,
    skipBuild: args.flags.has('skip-build') || target !== undefined,
    target,
    databaseUrl,
    cpuProfile: args.flags.has('cpu-prof'),
    warmupSeconds,
  };
}
