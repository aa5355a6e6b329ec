/**
 * How the backup tools reach a database: pg_dump and pg_restore get the URL without its password
 * (argv is visible to every user of the machine through `ps`) and the password through PGPASSWORD.
 * Every message that names a database shows it through maskUrl(), never with its password.
 */

export interface PgToolTarget {
  /** The connection URL without the password, for `--dbname`. */
  dbname: string;
  /** The decoded password, for PGPASSWORD; undefined when the URL has none. */
  password: string | undefined;
  /** host:port/database, for file names and messages. */
  host: string;
  database: string;
}

export function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The database URL is not a valid URL (expected postgres://user:password@host:port/database).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`The database URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`);
  }
  return parsed;
}

export function pgToolTarget(url: string): PgToolTarget {
  const parsed = parsePostgresUrl(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    password,
    host: parsed.hostname,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}

/** The URL as it may be printed: the password replaced by ***. Unparseable input is not echoed. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable database URL>';
  }
}

/** Removes the password from any text (a tool's error output, an exception message). */
export function maskSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const forms = new Set([secret, encodeURIComponent(secret)]);
  let masked = text;
  for (const form of forms) masked = masked.split(form).join('***');
  return masked;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The drill creates and drops whole databases: only ever on this machine. */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(parsePostgresUrl(url).hostname);
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = parsePostgresUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
