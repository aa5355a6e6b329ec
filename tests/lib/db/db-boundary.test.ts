import fs from 'node:fs';
import path from 'node:path';

/**
 * Application code reaches the database only through asUser/asService, so every query runs as a
 * chosen role. The raw connection module may be imported only by lib/db itself, the CLI scripts'
 * connection opener and the test harness.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCANNED = ['app', 'components', 'lib', 'hooks', 'store', 'scripts', 'proxy.ts'];
const ALLOWED = [/^lib\/db\//, /^scripts\/script-connection\.ts$/];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)));
}

describe('database access boundary', () => {
  it('imports the raw connection only from lib/db and the script opener', () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .filter((file) => !ALLOWED.some((re) => re.test(file)))
      .filter((file) => /from ['"](@\/lib\/db\/connection|\.\/connection|\.\.\/db\/connection)['"]/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('never builds SQL in components', () => {
    const offenders = ['components', 'hooks', 'store']
      .flatMap(sourceFiles)
      .filter((file) => /from ['"](drizzle-orm|postgres|@electric-sql\/pglite|@\/lib\/db)/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
