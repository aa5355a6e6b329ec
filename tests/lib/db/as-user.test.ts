import { sql } from 'drizzle-orm';
import { asService, asUser, InvalidClaimsError, queryRows, type JwtClaims } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';

describe('asUser and asService', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const whoAmI = sql`select current_user::text as db_role, auth.uid()::text as uid, auth.role() as jwt_role`;
  type WhoAmI = { db_role: string; uid: string | null; jwt_role: string | null };

  it('runs a signed-in caller as authenticated with their claims, as Supabase does', async () => {
    const user = await createTestUser();
    const [row] = await asUser(user.claims, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(row).toEqual({ db_role: 'authenticated', uid: user.id, jwt_role: 'authenticated' });
  });

  it('runs a caller without claims as anon', async () => {
    const [row] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(row).toEqual({ db_role: 'anon', uid: null, jwt_role: 'anon' });
  });

  it('runs named jobs as service_role', async () => {
    const [row] = await asService('test-job', (tx) => queryRows<WhoAmI & { job: string }>(tx, sql`select current_user::text as db_role, auth.jwt() ->> 'job' as job`));
    expect(row).toEqual({ db_role: 'service_role', job: 'test-job' });
  });

  it('does not leak one request’s identity into the next transaction', async () => {
    const user = await createTestUser();
    await asUser(user.claims, (tx) => queryRows(tx, whoAmI));
    const [after] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(after?.uid).toBeNull();
    const outside = await database.connection.withSession((s) =>
      s.query<{ role: string; claims: string | null }>(
        "select current_user::text as role, nullif(current_setting('request.jwt.claims', true), '') as claims",
      ),
    );
    expect(outside[0]?.claims ?? null).toBeNull();
    expect(outside[0]?.role).not.toBe('authenticated');
  });

  it.each([
    ['a service_role claim', { sub: '00000000-0000-4000-8000-000000000000', role: 'service_role' }],
    ['a missing subject', { role: 'authenticated' }],
    ['a subject that is not a uuid', { sub: "x'; drop table quests; --", role: 'authenticated' }],
    ['an unknown app role', { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated', app_metadata: { role: 'root' } }],
  ])('refuses claims with %s', async (_label, claims) => {
    await expect(asUser(claims as unknown as JwtClaims, async () => 'ran')).rejects.toBeInstanceOf(InvalidClaimsError);
  });

  it('rolls the whole transaction back when the work fails', async () => {
    const user = await createTestUser();
    await expect(
      asUser(user.claims, async (tx) => {
        await tx.execute(sql`update public.profiles set full_name = 'Half written' where id = ${user.id}`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await asUser(user.claims, (tx) =>
      queryRows<{ full_name: string }>(tx, sql`select full_name from public.profiles where id = ${user.id}`),
    );
    expect(row?.full_name).not.toBe('Half written');
  });
});
