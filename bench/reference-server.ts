/**
 * The benchmark's physical limit: a bare node:http + postgres-js server that runs, per request,
 * the same SQL as the app's two hottest routes (for the catalog: the shared page once, kept in
 * memory as the app's catalog cache keeps it, then the caller's own part per request) — statement for statement as the app sends it
 * (captured from PostgreSQL's log with log_statement = 'all'), in the same single transaction,
 * with the same set_config of role and claims, prepared and pipelined as the app does on a direct
 * connection (lib/db/connection.ts, lib/db/roles.ts) — and nothing else: no framework, no validation beyond the
 * token's signature, JSON out. Started by bench/run.ts; configured by REFERENCE_* variables.
 *
 * When the app's SQL for these routes changes, change it here too (bench/README.md says how to
 * capture it).
 */
import http from 'node:http';
import { jwtVerify } from 'jose';
import postgres from 'postgres';
import { SESSION_STATEMENT, personalQuestsStatement, progressStatements, sharedQuestsPageStatements, type ReferenceStatement } from './lib/reference-sql';

const port = Number(process.env.REFERENCE_PORT ?? 3901);
const secret = new TextEncoder().encode(process.env.REFERENCE_JWT_SECRET ?? '');
const sql = postgres(process.env.REFERENCE_DATABASE_URL ?? '', {
  prepare: true, // as the app on a direct connection (DATABASE_PREPARED_STATEMENTS=auto)
  max: Number(process.env.REFERENCE_POOL_MAX ?? 10),
  onnotice: () => {},
});

interface Claims {
  sub: string;
  session_id?: string;
  [key: string]: unknown;
}

type Statement = ReferenceStatement;

const SET_ROLE_AND_CLAIMS = `select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`;
const run = (tx: postgres.TransactionSql, s: Statement, c: Claims, url: URL) => tx.unsafe(s.text, s.params(c, url) as never[], { prepare: true });

/**
 * A signed-in read as the app serves it (lib/api/route.ts withRequestTransaction): one transaction;
 * the settings and the session statement sent together; then the route's statements, pipelined.
 * Null when the session is not live.
 */
async function inRequestTransaction(claims: Claims, statements: Statement[], url: URL) {
  return sql.begin(async (tx) => {
    const configured = tx.unsafe(SET_ROLE_AND_CLAIMS, [JSON.stringify(claims), 'authenticated'], { prepare: true }).execute();
    const [[row]] = await Promise.all([run(tx, SESSION_STATEMENT, claims, url), configured]);
    const session = row as { suspended_at: unknown; session_family_active: boolean } | undefined;
    if (!session || session.suspended_at || !session.session_family_active) return null;
    return Promise.all(statements.map((s) => run(tx, s, claims, url)));
  });
}

/**
 * The catalog's shared part, read anonymously once per page and kept, as the app's catalog cache
 * does (the bench never changes the catalog, so nothing here needs dropping).
 */
const sharedPages = new Map<string, Promise<{ ids: string[]; rows: unknown }>>();
function sharedQuestsPage(url: URL) {
  let page = sharedPages.get(url.search);
  if (!page) {
    page = sql.begin(async (tx) => {
      await tx.unsafe(SET_ROLE_AND_CLAIMS, [JSON.stringify({ role: 'anon' }), 'anon'], { prepare: true });
      const [total, rows] = await Promise.all(sharedQuestsPageStatements(url).map((s) => run(tx, s, { sub: '' }, url)));
      return { ids: (rows as unknown as { id: string }[]).map((r) => r.id), rows: { total, rows } };
    });
    page.catch(() => sharedPages.delete(url.search));
    sharedPages.set(url.search, page);
  }
  return page;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://reference');
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  let claims: Claims | null = null;
  if (token) {
    try {
      claims = (await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'workfree', audience: 'authenticated' })).payload as Claims;
    } catch {
      claims = null;
    }
  }
  if (!claims?.session_id) {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"success":false}');
    return;
  }
  let results: unknown;
  if (url.pathname === '/quests') {
    const shared = await sharedQuestsPage(url);
    const own = await inRequestTransaction(claims, [personalQuestsStatement(shared.ids)], url);
    results = own && { shared: shared.rows, own };
  } else if (url.pathname === '/progress') {
    results = await inRequestTransaction(claims, progressStatements, url);
  } else {
    res.writeHead(404).end();
    return;
  }
  if (!results) {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"success":false}');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ success: true, results }));
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    res.writeHead(500).end(String(error));
  });
});
server.listen(port, '127.0.0.1', () => console.log(`reference server listening on ${port}`));
const shutdown = () => server.close(() => void sql.end({ timeout: 5 }).then(() => process.exit(0)));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
