import { getTableColumns, getTableName } from 'drizzle-orm';
import { publicTables } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * lib/db/schema.ts mirrors the migrations for typed queries; the migrations stay the source of
 * truth. This fails when the two disagree on a table's columns, their nullability or defaults.
 */
describe('Drizzle schema mirrors the migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it.each(Object.entries(publicTables))('%s has the same columns in both', async (name, table) => {
    expect(getTableName(table)).toBe(name);
    const actual = await database.connection.withSession((s) =>
      s.query<{ column_name: string; is_nullable: string; has_default: boolean }>(
        `select column_name, is_nullable, column_default is not null as has_default
         from information_schema.columns where table_schema = 'public' and table_name = $1
         order by column_name`,
        [name],
      ),
    );
    const mirrored = Object.values(getTableColumns(table))
      .map((c) => ({ column_name: c.name, is_nullable: c.notNull ? 'NO' : 'YES' }))
      .sort((a, b) => a.column_name.localeCompare(b.column_name));
    expect(actual.map(({ column_name, is_nullable }) => ({ column_name, is_nullable }))).toEqual(mirrored);
    for (const column of Object.values(getTableColumns(table))) {
      if (column.hasDefault) {
        expect(actual.find((a) => a.column_name === column.name)?.has_default).toBe(true);
      }
    }
  });
});
