import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { POST as startQuest } from '@/app/api/quests/[id]/start/route';
import { POST as createAchievement } from '@/app/api/admin/achievements/route';
import { MAX_QUEST_BODY_BYTES } from '@/lib/admin/quests/schemas';
import { MAX_JSON_BODY_BYTES } from '@/lib/api/parse';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { useLogDestination } from '@/lib/observability/logger';
import { MAX_IMAGE_BYTES } from '@/lib/storage/image-rules';
import { MAX_WEBHOOK_BODY_BYTES } from '@/app/api/webhooks/stripe/route';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';
import { call } from '../../support/http';
import { tokenFor } from '../../support/sessions';

/**
 * The bad-input sweep: every route under app/api — found by walking the directory, so a route added
 * later is swept without touching this file — gets malformed, wrong-typed, oversized and hostile
 * requests as an anonymous caller, a learner and a super admin. Every answer must be below 500,
 * every 4xx must carry the contract's error body (validation errors naming the field), and a
 * refused request must leave the main tables as they were (no row inserted, updated or deleted).
 */

const API_DIR = path.join(process.cwd(), 'app', 'api');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof HTTP_METHODS)[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ only in their params type
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

interface RouteFile {
  file: string;
  /** URL path with [param] segments, e.g. /api/admin/quests/[id]. */
  pattern: string;
  params: { name: string; catchAll: boolean }[];
}

function discoverRoutes(dir = API_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...discoverRoutes(full));
    else if (entry.name === 'route.ts') {
      const segments = path.relative(path.join(process.cwd(), 'app'), dir).split(path.sep);
      const params = segments
        .map((s) => /^\[(\.\.\.)?([^\]]+)\]$/.exec(s))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ name: m[2]!, catchAll: Boolean(m[1]) }));
      found.push({ file: full, pattern: `/${segments.join('/')}`, params });
    }
  }
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

const ROUTES = discoverRoutes();
let fixtureCount = 0;

/** The body cap each route enforces, from the constants the routes use (README table). */
function capOf(route: RouteFile): number {
  const source = fs.readFileSync(route.file, 'utf8');
  if (source.includes('MAX_QUEST_BODY_BYTES')) return MAX_QUEST_BODY_BYTES;
  if (source.includes('readImageUpload')) return MAX_IMAGE_BYTES + 16 * 1024;
  if (source.includes('MAX_WEBHOOK_BODY_BYTES')) return MAX_WEBHOOK_BODY_BYTES;
  return MAX_JSON_BODY_BYTES;
}

/** Every field name the API's request schemas use: hostile values go into all of them at once. */
const FIELDS = [
  'email', 'password', 'currentPassword', 'newPassword', 'fullName', 'timeZone', 'leaderboardOptIn', 'token',
  'refreshToken', 'allDevices', 'reason', 'role', 'adminPermissions', 'amount', 'plan', 'answer', 'status',
  'currentStep', 'progressPercentage', 'timeSpent', 'score', 'clientEventId', 'slug', 'title', 'description',
  'category', 'difficulty', 'tier', 'durationMinutes', 'xpReward', 'prerequisites', 'objectives', 'steps',
  'criteria', 'name', 'rarity', 'achievementId', 'confirm', 'coverImageUrl', 'icon',
];
const everyField = (value: unknown) => JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value])));

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** A JSON document of exactly `bytes` bytes. */
const jsonOfSize = (bytes: number) => `{"x":"${'a'.repeat(bytes - 8)}"}`;

interface BodyCase {
  label: string;
  body: string;
  contentType?: string | null;
  /** Sent as a chunked stream without Content-Length. */
  chunked?: boolean;
  /** The request is refused for its body (when the route reads one): never a 2xx. */
  mustFail?: boolean;
}

const bodyCaseCache = new Map<number, BodyCase[]>();
function bodyCases(cap: number): BodyCase[] {
  const cached = bodyCaseCache.get(cap);
  if (cached) return cached;
  const hostileStrings = [
    '\u0000NUL\u0000',
    '\ud800 lone surrogate \udfff',
    '\u202e right-to-left \ufeff bom 𝕏 日本語',
    "' OR '1'='1'; DROP TABLE profiles; --",
    '<script>alert(1)</script><img src=x onerror=alert(1)>',
    // Long enough to pass any field's length limit, short enough that all fields fit under 64 KB.
    'x'.repeat(1200),
  ];
  const cases: BodyCase[] = [
    { label: 'malformed JSON', body: '{"email": "a@b.co", ', mustFail: true },
    { label: 'an array', body: '[1,2,3]' },
    { label: 'a number', body: '42' },
    { label: 'null', body: 'null' },
    { label: 'a string', body: '"hello"' },
    { label: 'an empty body', body: '' },
    { label: '10k nested arrays', body: deepArray(10_000) },
    { label: '10k nested objects', body: deepObject(10_000) },
    { label: 'prototype-pollution keys', body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"role":"super_admin"}' },
    { label: 'every field an object', body: everyField({ $gt: '' }) },
    { label: 'every field an array', body: everyField([null, {}, []]) },
    { label: 'every field a huge number', body: everyField(1e308).replace(/1e\+308/g, '1e999') },
    { label: 'every field negative', body: everyField(-1) },
    ...hostileStrings.map((s, i) => ({ label: `every field hostile text #${i + 1}`, body: everyField(s) })),
    { label: 'a body one byte over the cap', body: jsonOfSize(cap + 1), mustFail: true },
    { label: 'a chunked body over the cap without Content-Length', body: jsonOfSize(cap + 1), chunked: true, mustFail: true },
    { label: 'text/plain', body: '{}', contentType: 'text/plain' },
    { label: 'a form body', body: 'email=a%40b.co&password=x', contentType: 'application/x-www-form-urlencoded' },
    { label: 'multipart garbage', body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot closed', contentType: 'multipart/form-data; boundary=x' },
    { label: 'no content type', body: '{}', contentType: null },
  ];
  bodyCaseCache.set(cap, cases);
  return cases;
}

const BAD_PARAMS = [
  'not-a-uuid',
  '../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '-1',
  '1e309',
  '%E0%A4%A',
];
const BAD_KEYS = [[], ['..', '..', 'etc', 'passwd'], ['avatars', '..', '..', 'secret.png'], ['x'.repeat(5000)], ['%2e%2e', 'x'], ['avatars', 'a\u0000.png']];

const BAD_QUERIES = [
  `?${'a=1&'.repeat(1000)}`,
  '?page=1&page=2',
  '?page=-1&limit=1e309&cursor=%00&offset=NaN',
  '?q=%3Cscript%3E&category=%27%20OR%201%3D1--&difficulty=__proto__',
  '?__proto__[polluted]=1&constructor=1&prototype=1',
  `?cursor=${'A'.repeat(1500)}&q=${'%F0%9D%95%8F'.repeat(40)}`,
  '?from=not-a-date&to=2020-13-45&days=-5&range=%ZZ',
];

/** The tables a request could half-write. */
const TABLES = [
  'profiles', 'quests', 'quest_steps', 'user_progress', 'step_answers', 'xp_ledger', 'user_achievements',
  'achievements', 'subscriptions', 'billing_customers', 'audit_log', 'learning_days', 'mail_outbox', 'auth_tokens',
];

/**
 * Counts every committed row insert, update and delete on TABLES, per table, in a table of the
 * sweep's own database. The count is written inside the writing transaction, so a request whose
 * transaction rolled back leaves no trace, and one that committed part of its work does — which
 * catches half-written updates too, not only rows added or lost. One small read per request.
 */
async function installWriteCounter(database: TestDatabase) {
  const statements = [
    'create table public.sweep_writes (table_name text primary key, n bigint not null)',
    `create function public.sweep_count_write() returns trigger language plpgsql security definer set search_path = public as $$
     begin
       insert into public.sweep_writes as w (table_name, n) values (tg_table_name, 1)
       on conflict (table_name) do update set n = w.n + 1;
       return null;
     end $$`,
    ...TABLES.map((t) => `create trigger sweep_count_write after insert or update or delete on public.${t} for each row execute function public.sweep_count_write()`),
  ];
  // As the database owner, outside the app's roles: none of them can see this table.
  await database.connection.withSession(async (s) => {
    for (const statement of statements) await s.query(statement);
  });
}
async function writeCounts(database: TestDatabase): Promise<Record<string, number>> {
  const rows = await database.connection.withSession((s) =>
    s.query<{ table_name: string; n: string }>('select table_name, n::text as n from public.sweep_writes'),
  );
  return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]));
}

/** The one request `call` cannot make: a body streamed in chunks with no Content-Length. */
async function callChunked(handler: Handler, options: { method: string; path: string; body: string; contentType: string | null; bearer?: string; params: unknown }) {
  const bytes = new TextEncoder().encode(options.body);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += 64 * 1024)));
    },
  });
  const headers = new Headers({ 'transfer-encoding': 'chunked' });
  if (options.contentType !== null) headers.set('content-type', options.contentType);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  const init = { method: options.method, headers, body: stream, duplex: 'half' };
  const request = new NextRequest(`http://localhost${options.path}`, init as ConstructorParameters<typeof NextRequest>[1]);
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const json = (await response.clone().json().catch(() => null)) as Record<string, unknown> | null;
  return { response, status: response.status, json: json ?? {} };
}

const BILLING_ENV = {
  STRIPE_SECRET_KEY: 'sk_test_bad_input_sweep',
  STRIPE_WEBHOOK_SECRET: 'whsec_bad_input_sweep',
  // Nothing listens here: a route that reached Stripe would see it down, and must still answer well.
  STRIPE_API_BASE: 'http://127.0.0.1:9',
  STRIPE_PRICE_MONTHLY: 'price_monthly',
  STRIPE_PRICE_YEARLY: 'price_yearly',
};

describe('bad-input sweep over every API route', () => {
  let database: TestDatabase;
  const saved: Record<string, string | undefined> = {};
  const errorLog: string[] = [];
  let requests = 0;
  const started = Date.now();

  beforeAll(async () => {
    for (const [key, value] of Object.entries(BILLING_ENV)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    resetEnvForTests();
    database = await createTestDatabase();
    await installWriteCounter(database);
    // Unexpected errors are logged with their stack; keep them for the report of a 5xx.
    useLogDestination({ write: (line: string) => void errorLog.push(line) }, 'error');
  });
  afterAll(async () => {
    useLogDestination(undefined);
    console.info(`bad-input sweep: ${requests} requests over ${ROUTES.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
    await database.drop();
  });

  it('counts committed writes and not rolled-back ones (the no-half-writes check works)', async () => {
    const user = await createTestUser();
    const was = await writeCounts(database);
    await expect(
      asService('bad-input-sweep', async (tx) => {
        await tx.update(profiles).set({ fullName: 'Rolled back' }).where(eq(profiles.id, user.id));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await writeCounts(database)).toEqual(was);
    await asService('bad-input-sweep', (tx) => tx.update(profiles).set({ fullName: 'Committed' }).where(eq(profiles.id, user.id)));
    expect((await writeCounts(database)).profiles).toBe((was.profiles ?? 0) + 1);
  });

  it('finds the routes (the walk works)', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(45);
    expect(ROUTES.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/quests/[id]', '/api/media/[...key]']));
  });

  it.each(ROUTES.map((r) => [r.pattern, r] as const))('%s', async (_pattern, route) => {
    const mod = (await import(route.file)) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((m) => m in mod);
    // Every export named like an HTTP method must be a handler the sweep can call.
    for (const method of methods) expect({ method, type: typeof mod[method] }).toEqual({ method, type: 'function' });
    const unknownMethods = Object.keys(mod).filter((k) => /^[A-Z]+$/.test(k) && !(HTTP_METHODS as readonly string[]).includes(k));
    expect(unknownMethods).toEqual([]);

    // Fresh fixtures per route: destructive successes (DELETE, archive, suspend) cannot starve later routes.
    const learner = await createTestUser();
    const admin = await createTestUser({ role: 'super_admin' });
    const target = await createTestUser();
    const questId = await createTestQuest(testQuest(`sweep-${++fixtureCount}-${Date.now()}`));
    const actors = { anonymous: undefined, learner: await tokenFor(learner), admin: await tokenFor(admin) } as const;
    const validParam = async (name: string): Promise<string | string[]> => {
      if (name === 'key') return ['avatars', 'missing.png'];
      if (name === 'position') return '1';
      if (route.pattern.startsWith('/api/progress')) {
        const started = await call(startQuest as Handler, { method: 'POST', path: `/api/quests/${questId}/start`, params: { id: questId }, bearer: actors.learner });
        return started.json.progress?.id ?? questId;
      }
      if (route.pattern.includes('/users/')) return target.id;
      if (route.pattern.includes('/achievements/')) {
        const created = await call(createAchievement as Handler, {
          path: '/api/admin/achievements',
          bearer: actors.admin,
          body: { slug: `sweep-${++fixtureCount}-${Date.now()}`, name: 'Sweep badge', description: 'Made by the bad-input sweep.', criteria: { type: 'quests_completed', count: 2 }, xpReward: 10, rarity: 'common' },
        });
        return created.json.achievement.id;
      }
      return questId;
    };
    // Catch-all params are string arrays; `call` passes params through untouched, whatever its type says.
    const asParams = (values: Record<string, string | string[]>) => values as Record<string, string>;
    const params: Record<string, string | string[]> = {};
    for (const p of route.params) params[p.name] = await validParam(p.name);
    const pathOf = (values: Record<string, string | string[]>) =>
      route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => {
        const v = values[name] ?? '';
        return (Array.isArray(v) ? v : [v]).map(encodeURIComponent).join('/');
      });

    const problems: string[] = [];
    // Read lazily: before the first request, then after each refused one and after each success.
    let before: Record<string, number> | null = null;
    const check = async (what: string, result: { status: number; json: Record<string, unknown> }, expectations: { mustFail?: boolean } = {}) => {
      requests++;
      const { status, json } = result;
      const error = json.error as { code?: unknown; message?: unknown; fields?: unknown } | undefined;
      if (status >= 500) {
        problems.push(`${what} → ${status} ${JSON.stringify(json).slice(0, 300)}\n    ${errorLog.splice(0).join('\n    ').slice(0, 1500)}`);
      } else if (status >= 400) {
        if (json.success !== false || typeof error?.code !== 'string' || typeof error?.message !== 'string' || !error.message) {
          problems.push(`${what} → ${status} without the contract's error body: ${JSON.stringify(json).slice(0, 200)}`);
        } else if (error.code === 'VALIDATION_ERROR') {
          const fields = error.fields as Record<string, unknown> | undefined;
          if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0) {
            problems.push(`${what} → VALIDATION_ERROR without fields naming what is wrong: ${JSON.stringify(json).slice(0, 200)}`);
          }
        }
      } else if (expectations.mustFail && result.status < 300) {
        const source = fs.readFileSync(route.file, 'utf8');
        // A route that never reads the body may ignore it; one that reads it must refuse it.
        if (/parseJsonBody|readBodyCapped|readImageUpload/.test(source) && !/DELETE|HEAD|GET/.test(what.split(' ')[0]!)) {
          problems.push(`${what} → ${status}: a body the route should refuse was accepted`);
        }
      }
      if (status >= 400 && before) {
        const was = before;
        const after = await writeCounts(database);
        const changed = TABLES.filter((t) => (after[t] ?? 0) !== (was[t] ?? 0)).map((t) => `${t} (${(after[t] ?? 0) - (was[t] ?? 0)} rows)`);
        if (changed.length) problems.push(`${what} → ${status} but rows were written: ${changed.join(', ')}`);
        before = after;
      } else if (status < 400) {
        before = null;
      }
      if (({} as Record<string, unknown>).polluted !== undefined) problems.push(`${what} polluted Object.prototype`);
    };

    const baseline = async () => {
      before ??= await writeCounts(database);
    };
    const cap = capOf(route);
    for (const method of methods) {
      const handler = mod[method] as Handler;
      const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
      for (const [actor, bearer] of Object.entries(actors)) {
        const path0 = pathOf(params);
        if (hasBody) {
          for (const c of bodyCases(cap)) {
            const contentType = c.contentType === undefined ? 'application/json' : c.contentType;
            await baseline();
            const what = `${method} ${path0} as ${actor} with ${c.label}`;
            // `call` always sends a Content-Length (and a JSON type when none is given): stream the rest.
            const result = c.chunked || contentType === null
              ? await callChunked(handler, { method, path: path0, body: c.body, contentType, bearer, params })
              : await call(handler, {
                  method,
                  path: path0,
                  rawBody: c.body,
                  bearer,
                  params: asParams(params),
                  headers: { 'content-type': contentType },
                });
            await check(what, result, { mustFail: c.mustFail && actor === 'admin' });
          }
        } else {
          for (const query of BAD_QUERIES) {
            await baseline();
            const result = await call(handler, { method, path: `${path0}${query}`, bearer, params: asParams(params) });
            await check(`${method} ${path0}${query.slice(0, 60)} as ${actor}`, result);
          }
        }
        for (const p of route.params) {
          for (const bad of p.catchAll ? BAD_KEYS : BAD_PARAMS) {
            const values = { ...params, [p.name]: bad };
            await baseline();
            const what = `${method} ${route.pattern} with ${p.name}=${JSON.stringify(bad).slice(0, 40)} as ${actor}`;
            const result = await call(handler, { method, path: pathOf(values), params: asParams(values), bearer, ...(hasBody ? { body: {} } : {}) });
            await check(what, result);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
