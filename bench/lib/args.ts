/** Command-line options of `npm run bench` and `npm run bench:seed`, parsed without side effects. */
import { DEFAULT_BENCH_DATABASE_URL } from './bench-data';

export interface SeedArgs {
  databaseUrl: string;
  scale: number;
  force: boolean;
}

export interface RunArgs extends SeedArgs {
  duration: number;
  warmup: number;
  connections: number[];
  skipBuild: boolean;
  skipSeed: boolean;
  port: number;
  only: string[] | null;
  cpuProf: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Spec = Record<string, 'string' | 'boolean'>;

function parse(argv: string[], spec: Spec): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}"`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option --${name} (known: ${Object.keys(spec).map((k) => `--${k}`).join(', ')})`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}

function number(value: string | boolean | undefined, name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name} must be ${rule}, got "${String(value)}"`);
  }
  return n;
}

const SEED_SPEC: Spec = { 'database-url': 'string', scale: 'string', force: 'boolean' };

function seedPart(values: Record<string, string | boolean>, env: Record<string, string | undefined>): SeedArgs {
  return {
    databaseUrl: (values['database-url'] as string | undefined) ?? env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL,
    scale: number(values.scale, 'scale', 1, (n) => n > 0 && n <= 1, 'a number in (0, 1]'),
    force: values.force === true,
  };
}

export function parseSeedArgs(argv: string[], env: Record<string, string | undefined> = {}): SeedArgs {
  return seedPart(parse(argv, SEED_SPEC), env);
}

export const SCENARIO_NAMES = [
  'floor',
  'reference-quests',
  'reference-progress',
  'quests-page1',
  'quests-deep',
  'progress-list',
  'progress-put',
  'step-grade',
  'catalog-page',
] as const;

export function parseRunArgs(argv: string[], env: Record<string, string | undefined> = {}): RunArgs {
  const values = parse(argv, {
    ...SEED_SPEC,
    duration: 'string',
    warmup: 'string',
    connections: 'string',
    'skip-build': 'boolean',
    'skip-seed': 'boolean',
    port: 'string',
    only: 'string',
    'cpu-prof': 'boolean',
  });
  const connections =
    typeof values.connections === 'string'
      ? values.connections.split(',').map((c) => number(c, 'connections', 0, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'a comma-separated list of integers 1–1000'))
      : [10, 50];
  let only: string[] | null = null;
  if (typeof values.only === 'string') {
    only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = only.filter((s) => !(SCENARIO_NAMES as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`--only names unknown scenarios: ${unknown.join(', ')} (known: ${SCENARIO_NAMES.join(', ')})`);
  }
  return {
    ...seedPart(values, env),
    duration: number(values.duration, 'duration', 10, (n) => n >= 1 && n <= 600, 'a number of seconds from 1 to 600'),
    warmup: number(values.warmup, 'warmup', 2, (n) => n >= 0 && n <= 60, 'a number of seconds from 0 to 60'),
    connections,
    skipBuild: values['skip-build'] === true,
    skipSeed: values['skip-seed'] === true,
    port: number(values.port, 'port', 3900, (n) => Number.isInteger(n) && n >= 1024 && n <= 65535, 'a port from 1024 to 65535'),
    only,
    cpuProf: values['cpu-prof'] === true,
  };
}
