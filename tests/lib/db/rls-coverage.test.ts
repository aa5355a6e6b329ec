import { createTestDatabase, type TestDatabase } from '../../support/database';

/** Standing guarantees over the whole schema, so a new table or function cannot slip past them. */
describe('database security invariants', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const query = <T extends Record<string, unknown>>(text: string) =>
    database.connection.withSession((s) => s.query<T>(text));

  it('has row-level security enabled on every table in public', async () => {
    const tables = await query<{ relname: string; relrowsecurity: boolean }>(`
      select c.relname, c.relrowsecurity
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    expect(tables.filter((t) => !t.relrowsecurity).map((t) => t.relname)).toEqual([]);
  });

  it('has at least one policy on every public table except the answer keys', async () => {
    const rows = await query<{ relname: string; policies: number }>(`
      select c.relname, count(p.polname)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_policy p on p.polrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r'
      group by c.relname order by 1`);
    const withoutPolicy = rows.filter((r) => r.policies === 0).map((r) => r.relname);
    // quest_step_answers is closed on purpose: no API role may read answer keys.
    expect(withoutPolicy).toEqual(['quest_step_answers']);
  });

  it('pins search_path on every SECURITY DEFINER function we own', async () => {
    const unsafe = await query<{ fn: string }>(`
      select n.nspname || '.' || p.proname as fn
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef
        and n.nspname not in ('pg_catalog', 'information_schema')
        and not exists (
          select 1 from unnest(coalesce(p.proconfig, '{}')) as setting where setting like 'search_path=%'
        )`);
    expect(unsafe).toEqual([]);
  });

  it('gives the API roles no privilege at all on the answer keys', async () => {
    const grants = await query<{ grantee: string; privilege_type: string }>(`
      select grantee, privilege_type from information_schema.role_table_grants
      where table_schema = 'public' and table_name = 'quest_step_answers'
        and grantee in ('anon', 'authenticated')`);
    expect(grants).toEqual([]);
  });

  it('keeps the api roles from bypassing RLS', async () => {
    const roles = await query<{ rolname: string; rolbypassrls: boolean }>(`
      select rolname, rolbypassrls from pg_roles
      where rolname in ('anon', 'authenticated', 'service_role') order by 1`);
    expect(roles).toEqual([
      { rolname: 'anon', rolbypassrls: false },
      { rolname: 'authenticated', rolbypassrls: false },
      { rolname: 'service_role', rolbypassrls: true },
    ]);
  });
});
