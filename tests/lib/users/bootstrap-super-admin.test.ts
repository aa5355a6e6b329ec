import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { isBootstrapSuperAdmin, promoteBootstrapSuperAdmin } from '@/lib/users/bootstrap-super-admin';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as verifyEmail } from '@/app/api/auth/verify-email/route';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { call } from '../../support/http';
import { latestMailTo } from '@/lib/mail/outbox';
import { linksIn } from '@/lib/mail/links';

describe('bootstrap super admins', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.BOOTSTRAP_SUPER_ADMINS = 'founder@example.test, @staff.example.test';
    resetEnvForTests();
  });
  afterAll(async () => {
    delete process.env.BOOTSTRAP_SUPER_ADMINS;
    resetEnvForTests();
    await database.drop();
  });

  it('matches exact addresses and whole domains, case-insensitively', () => {
    const list = ['founder@example.test', '@staff.example.test'];
    expect(isBootstrapSuperAdmin('Founder@Example.test', list)).toBe(true);
    expect(isBootstrapSuperAdmin('anyone@staff.example.test', list)).toBe(true);
    expect(isBootstrapSuperAdmin('anyone@evilstaff.example.test', list)).toBe(false);
    expect(isBootstrapSuperAdmin('founder@example.test.evil', list)).toBe(false);
    expect(isBootstrapSuperAdmin('founder@example.test', [])).toBe(false);
  });

  const verifyToken = async (email: string) => {
    const mail = await latestMailTo(email);
    const link = linksIn(mail?.text ?? '').find((l) => l.includes('/verify-email'))!;
    return new URL(link).searchParams.get('token');
  };

  const roleOf = async (id: string) =>
    (await asService('test', (tx) => tx.select({ role: profiles.role }).from(profiles).where(eq(profiles.id, id))))[0]!.role;

  it('promotes a listed account only once its email is verified', async () => {
    const email = `boss-${Date.now()}@staff.example.test`;
    const { json } = await call(register, { body: { email, password: 'correct horse battery', fullName: 'Boss' } });
    const id = json.user.id as string;
    expect(await roleOf(id)).toBe('user');
    expect(await asService('test', (tx) => promoteBootstrapSuperAdmin(tx, id))).toBe(false);

    const token = await verifyToken(email);
    expect((await call(verifyEmail, { body: { token } })).status).toBe(200);
    expect(await roleOf(id)).toBe('super_admin');
  });

  it('leaves unlisted accounts alone after verification', async () => {
    const email = `learner-${Date.now()}@example.test`;
    const { json } = await call(register, { body: { email, password: 'correct horse battery', fullName: 'Learner' } });
    const token = await verifyToken(email);
    await call(verifyEmail, { body: { token } });
    expect(await roleOf(json.user.id)).toBe('user');
  });
});
