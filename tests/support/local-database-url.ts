/** The harness only ever touches a database on this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export function assertLocalDatabaseUrl(raw: string): URL {
  const url = new URL(raw);
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, got ${url.protocol}`);
  }
  const socketHost = url.searchParams.get('host');
  if (!LOCAL_HOSTS.has(url.hostname) || (socketHost && !socketHost.startsWith('/'))) {
    throw new Error(`Refusing to run tests against non-local database host "${url.hostname || socketHost}"`);
  }
  return url;
}

export function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}
