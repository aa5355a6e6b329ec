import { createTestDatabase, type TestDatabase } from '../../support/database';
import { migrate, readMigrations, MigrationError } from '@/lib/db/migrate';
import { publicTables } from '@/lib/db/schema';

describe('migration runner', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterEach(async () => {
    await database.drop();
  });

  const tablesIn = (schema: string) =>
    database.connection.withSession((s) =>
      s.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1 order by 1', [schema]),
    );

  it('applies every migration on a fresh database, and nothing on a second run', async () => {
    const all = readMigrations();
    const first = await migrate(database.connection);
    expect(first.applied).toEqual(all.map((m) => `${m.version}_${m.name}`));
    const second = await migrate(database.connection);
    expect(second.applied).toEqual([]);
    // Every public table the migrations create is mirrored in lib/db/schema.ts, and vice versa.
    expect((await tablesIn('public')).map((r) => r.tablename)).toEqual(Object.keys(publicTables).sort());
    const recorded = await database.connection.withSession((s) =>
      s.query<{ version: string }>('select version from private.schema_migrations order by version'),
    );
    expect(recorded.map((r) => r.version)).toEqual(all.map((m) => m.version));
  });

  it('refuses to continue when an applied migration was edited', async () => {
    await migrate(database.connection);
    const edited = readMigrations().map((m, i) => (i === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(database.connection, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    const broken = [
      ...readMigrations(),
      {
        version: '9999',
        name: 'broken',
        checksum: 'x',
        sql: 'create table public.half_written (id int); select 1/0;',
      },
    ];
    await expect(migrate(database.connection, broken)).rejects.toBeInstanceOf(MigrationError);
    expect((await tablesIn('public')).map((r) => r.tablename)).not.toContain('half_written');
    const recorded = await database.connection.withSession((s) =>
      s.query<{ version: string }>("select version from private.schema_migrations where version = '9999'"),
    );
    expect(recorded).toEqual([]);
  });
});
