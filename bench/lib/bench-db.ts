/** Which database the benchmark may write to: a local one, never the app's own by accident. */

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);
const PROTECTED_NAMES = new Set(['postgres', 'template0', 'template1']);

export interface BenchDatabase {
  url: string;
  name: string;
  /** The same server's `postgres` database, for CREATE/DROP DATABASE. */
  maintenanceUrl: string;
}

/**
 * Checks a bench database URL: PostgreSQL on this machine (the seeder drops and recreates the
 * database), naming a database other than the server's own maintenance and template databases.
 */
export function benchDatabase(url: string): BenchDatabase {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--database-url is not a URL: ${url}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('--database-url must be a postgres:// URL');
  const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || '';
  if (!LOCAL_HOSTS.has(host) && !host.startsWith('/')) {
    throw new Error(`Refusing to seed ${host}: the bench database must be on this machine (127.0.0.1, localhost or a socket)`);
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bench database name must be a plain identifier, got "${name}"`);
  if (PROTECTED_NAMES.has(name)) throw new Error(`Refusing to overwrite the "${name}" database`);
  const maintenance = new URL(parsed.toString());
  maintenance.pathname = '/postgres';
  return { url: parsed.toString(), name, maintenanceUrl: maintenance.toString() };
}
