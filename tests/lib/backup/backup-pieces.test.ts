import path from 'node:path';
import { parseArgs } from '@/lib/backup/cli-args';
import { isLoopbackUrl, maskSecret, maskUrl, pgToolTarget, withDatabase } from '@/lib/backup/connection-target';
import { pgDumpArgs } from '@/lib/backup/dump';
import { backupDirectory, backupFileName, backupStorageKey, displayPath } from '@/lib/backup/file-name';
import { compareFingerprints } from '@/lib/backup/fingerprint';
import { pgRestoreArgs } from '@/lib/backup/restore';
import { uploadRefusal } from '@/lib/backup/upload';
import { isValidKey } from '@/lib/storage/keys';

const URL_WITH_PASSWORD = 'postgresql://app:p%40ss%2Fword@db.example.com:6543/postgres?sslmode=require';

describe('backup connection handling', () => {
  it('keeps the password out of the tools’ arguments and hands it over decoded, for PGPASSWORD', () => {
    const target = pgToolTarget(URL_WITH_PASSWORD);
    expect(target.password).toBe('p@ss/word');
    expect(target.dbname).toBe('postgresql://app@db.example.com:6543/postgres?sslmode=require');
    expect(target.database).toBe('postgres');
    const argv = [...pgDumpArgs(target.dbname, '/tmp/x.dump'), ...pgRestoreArgs(target.dbname, '/tmp/x.dump')].join(' ');
    expect(argv).not.toContain('p%40ss');
    expect(argv).not.toContain('p@ss');
  });

  it('masks the password in printed URLs and in any tool output', () => {
    expect(maskUrl(URL_WITH_PASSWORD)).toBe('postgresql://app:***@db.example.com:6543/postgres?sslmode=require');
    expect(maskUrl('postgres://postgres@127.0.0.1:5432/x')).toBe('postgres://postgres@127.0.0.1:5432/x');
    expect(maskUrl('not a url with secret')).not.toContain('secret');
    expect(maskSecret('failed for p@ss/word and p%40ss%2Fword', 'p@ss/word')).toBe('failed for *** and ***');
  });

  it('refuses anything but a postgres URL', () => {
    expect(() => pgToolTarget('mysql://a:b@c/d')).toThrow(/postgres:\/\//);
    expect(() => pgToolTarget('nonsense')).toThrow(/not a valid URL/);
  });

  it('lets the drill run only against this machine', () => {
    expect(isLoopbackUrl('postgres://postgres@127.0.0.1:5432')).toBe(true);
    expect(isLoopbackUrl('postgres://postgres@localhost/x')).toBe(true);
    expect(isLoopbackUrl('postgres://postgres@[::1]:5432/x')).toBe(true);
    expect(isLoopbackUrl('postgres://postgres@db.example.com/x')).toBe(false);
    expect(withDatabase('postgres://u:p@127.0.0.1:5432/postgres?x=1', 'drill_1')).toBe('postgres://u:p@127.0.0.1:5432/drill_1?x=1');
  });
});

describe('backup tool arguments', () => {
  it('dumps in custom format without ever prompting', () => {
    expect(pgDumpArgs('postgres://h/db', 'out.dump')).toEqual(['--format=custom', '--no-password', '--file', 'out.dump', '--dbname', 'postgres://h/db']);
  });

  it('restores cleanly, without owners, all or nothing', () => {
    const args = pgRestoreArgs('postgres://h/db', 'in.dump');
    expect(args).toEqual(expect.arrayContaining(['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--no-password']));
    expect(args.slice(-3)).toEqual(['--dbname', 'postgres://h/db', 'in.dump']);
  });
});

describe('backup files', () => {
  it('names files by database and UTC time with an unguessable suffix, usable as storage keys', () => {
    const name = backupFileName('my db/../x', new Date('2026-11-25T04:59:13.456Z'), 'abc123');
    expect(name).toBe('workfree-my-db-x-20261125T045913Z-abc123.dump');
    const random = backupFileName('postgres', new Date());
    expect(random).toMatch(/^workfree-postgres-\d{8}T\d{6}Z-[0-9a-f]{12}\.dump$/);
    expect(isValidKey(backupStorageKey(`/some/dir/${random}`))).toBe(true);
    expect(backupStorageKey('/some/dir/a.dump')).toBe('backups/a.dump');
  });

  it('defaults to .data/backups and honours BACKUP_DIR', () => {
    expect(backupDirectory({}, '/app')).toBe(path.resolve('/app/.data/backups'));
    expect(backupDirectory({ BACKUP_DIR: '  ' }, '/app')).toBe(path.resolve('/app/.data/backups'));
    expect(backupDirectory({ BACKUP_DIR: '/var/backups/wf' }, '/app')).toBe('/var/backups/wf');
    expect(displayPath('/app/.data/backups/a.dump', '/app')).toBe('.data/backups/a.dump');
    expect(displayPath('/tmp/a.dump', '/app')).toBe('/tmp/a.dump');
  });
});

describe('uploads of backups', () => {
  const base = { publicUrl: undefined, allowLocal: false, allowPublicBucket: false };
  it('refuses the local files default unless allowed', () => {
    expect(uploadRefusal({ ...base, adapter: 'local-files' })).toMatch(/--allow-local/);
    expect(uploadRefusal({ ...base, adapter: 'local-files', allowLocal: true })).toBeNull();
  });
  it('refuses a publicly served bucket unless allowed', () => {
    expect(uploadRefusal({ ...base, adapter: 's3' })).toBeNull();
    expect(uploadRefusal({ ...base, adapter: 's3', publicUrl: 'https://cdn.example.com' })).toMatch(/S3_PUBLIC_URL/);
    expect(uploadRefusal({ ...base, adapter: 's3', publicUrl: 'https://cdn.example.com', allowPublicBucket: true })).toBeNull();
  });
});

describe('restore verification', () => {
  const before = { 'public.a': { rows: 2, checksum: 'x' }, 'public.b': { rows: 1, checksum: 'y' } };
  it('passes when every table matches', () => {
    expect(compareFingerprints(before, structuredClone(before))).toEqual([]);
  });
  it('names every table whose rows, contents or presence changed', () => {
    const differences = compareFingerprints(before, { 'public.a': { rows: 2, checksum: 'z' }, 'public.c': { rows: 0, checksum: '' } });
    expect(differences).toEqual([
      'public.a: same 2 rows but different contents (checksum x → z)',
      'public.b: missing after the restore (had 1 rows)',
      'public.c: present after the restore only',
    ]);
    expect(compareFingerprints(before, { ...before, 'public.b': { rows: 0, checksum: '' } })).toEqual(['public.b: 1 rows before, 0 after']);
  });
});

describe('command lines', () => {
  it('reads flags, options and positionals and refuses typos', () => {
    const parsed = parseArgs(['f.dump', '--target', 'postgres://x', '--yes'], { flags: ['yes'], options: ['target'] });
    expect(parsed.positional).toEqual(['f.dump']);
    expect(parsed.options.get('target')).toBe('postgres://x');
    expect(parsed.flags.has('yes')).toBe(true);
    expect(parseArgs(['--target=postgres://y'], { options: ['target'] }).options.get('target')).toBe('postgres://y');
    expect(() => parseArgs(['--yse'], { flags: ['yes'] })).toThrow(/Unknown option --yse/);
    expect(() => parseArgs(['--target'], { options: ['target'] })).toThrow(/needs a value/);
  });
});
