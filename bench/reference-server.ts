/**
 * The benchmark's physical limit: a bare node:http + postgres-js server that runs, per request,
 * the same SQL as the app's two hottest routes — statement for statement as the app sends it
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
import { SESSION_STATEMENT, questsPageStatements, progressStatements, type ReferenceStatement } from './lib/reference-sql';

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
  const statements = url.pathname === '/quests' ? questsPageStatements(url) : url.pathname === '/progress' ? progressStatements : null;
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  const results = await inRequestTransaction(claims, statements, url);
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
