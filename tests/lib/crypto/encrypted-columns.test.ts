import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as suspend } from '@/app/api/admin/users/[id]/suspend/route';
import { GET as adminUser } from '@/app/api/admin/users/[id]/route';
import { GET as exportData } from '@/app/api/me/export/route';
import { startFamily } from '@/lib/auth/built-in/refresh-tokens';
import { dataKeyRing, useDataKeyRing } from '@/lib/crypto/data-keys';
import { ENVELOPE_PREFIX, keyIdOf } from '@/lib/crypto/field-encryption';
import { reencryptStoredFields } from '@/lib/crypto/reencrypt-stored-fields';
import { asService, queryRows } from '@/lib/db';
import { profiles, refreshTokens } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';
import { call } from '../../support/http';
import { tokenFor } from '../../support/sessions';

/** What is really in the column, read with SQL past the Drizzle column type. */
async function rawColumn(table: 'profiles' | 'refresh_tokens', column: string, where: ReturnType<typeof sql>) {
  return asService('test', (tx) =>
    queryRows<{ value: string | null }>(tx, sql`select ${sql.identifier(column)} as value from ${sql.identifier('public')}.${sql.identifier(table)} where ${where}`),
  );
}

describe('sensitive fields are encrypted at rest', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    useDataKeyRing(undefined);
    await database.drop();
  });

  it('stores sign-in address and browser as ciphertext, and gives them back decrypted to the owner only', async () => {
    const email = `enc-${Date.now()}@example.test`;
    const agent = 'Mozilla/5.0 (X11; Linux x86_64) EncryptionTest/1.0';
    const registered = await call(register, {
      body: { email, password: 'correct horse battery', fullName: 'Cipher Owner' },
      headers: { 'user-agent': agent },
    });
    expect(registered.status).toBe(201);
    const userId = registered.json.user.id as string;
    await asService('test', (tx) => startFamily(tx, userId, { ip: '203.0.113.77', userAgent: agent }));

    const stored = await rawColumn('refresh_tokens', 'user_agent', sql`user_id = ${userId}`);
    expect(stored.length).toBe(2);
    for (const { value } of stored) {
      expect(value?.startsWith(`${ENVELOPE_PREFIX}${dataKeyRing().current.id}:`)).toBe(true);
      expect(value).not.toContain('EncryptionTest');
    }
    const ips = await rawColumn('refresh_tokens', 'ip', sql`user_id = ${userId} and ip is not null`);
    expect(ips).toHaveLength(1);
    expect(ips[0]!.value).not.toContain('203.0.113');

    const mine = await call(exportData, { path: '/api/me/export', bearer: registered.json.token });
    expect(mine.status).toBe(200);
    expect(mine.json.profile.signIns).toEqual(
      expect.arrayContaining([expect.objectContaining({ ip: '203.0.113.77', userAgent: agent })]),
    );
    expect(JSON.stringify(mine.json)).not.toContain(ENVELOPE_PREFIX);

    const other = await createTestUser();
    const theirs = await call(exportData, { path: '/api/me/export', bearer: await tokenFor(other) });
    expect(JSON.stringify(theirs.json)).not.toContain('203.0.113.77');
    expect(JSON.stringify(theirs.json)).not.toContain('EncryptionTest');
  });

  it("stores an admin's suspension reason as ciphertext and shows it decrypted to admins", async () => {
    const admin = await createTestUser({ role: 'super_admin' });
    const learner = await createTestUser();
    const bearer = await tokenFor(admin);
    const reason = 'Shared answers in the forum <b>twice</b> — 日本語';
    const done = await call(suspend, { bearer, body: { reason }, params: { id: learner.id } });
    expect(done.status).toBe(200);

    const [raw] = await rawColumn('profiles', 'suspended_reason', sql`id = ${learner.id}`);
    expect(raw!.value?.startsWith(ENVELOPE_PREFIX)).toBe(true);
    expect(raw!.value).not.toContain('forum');

    const shown = await call(adminUser, { bearer, params: { id: learner.id } });
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.json)).toContain('Shared answers in the forum');
  });

  it('fails loudly on a tampered stored value instead of returning garbage', async () => {
    const learner = await createTestUser();
    await asService('test', (tx) => tx.update(profiles).set({ suspendedReason: 'tamper me' }).where(eq(profiles.id, learner.id)));
    const [raw] = await rawColumn('profiles', 'suspended_reason', sql`id = ${learner.id}`);
    const last = raw!.value!.slice(-1);
    const flipped = raw!.value!.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await asService('test', (tx) => queryRows(tx, sql`update public.profiles set suspended_reason = ${flipped} where id = ${learner.id}`));
    await expect(
      asService('test', (tx) => tx.select({ reason: profiles.suspendedReason }).from(profiles).where(eq(profiles.id, learner.id))),
    ).rejects.toThrow(/integrity check/);
    await asService('test', (tx) => tx.update(profiles).set({ suspendedReason: null }).where(eq(profiles.id, learner.id)));
  });

  it('reads plaintext from before the migration, and the backfill encrypts it (and rotates keys)', async () => {
    const learner = await createTestUser();
    await asService('test', (tx) =>
      queryRows(tx, sql`update public.profiles set suspended_reason = ${'legacy plain reason'} where id = ${learner.id}`),
    );
    const { familyId } = await asService('test', (tx) => startFamily(tx, learner.id, { ip: null, userAgent: null }));
    await asService('test', (tx) =>
      queryRows(tx, sql`update public.refresh_tokens set ip = ${'198.51.100.9'}, user_agent = ${'LegacyAgent/1'} where family_id = ${familyId}`),
    );
    const read = () =>
      asService('test', (tx) => tx.select({ reason: profiles.suspendedReason }).from(profiles).where(eq(profiles.id, learner.id)));
    expect((await read())[0]!.reason).toBe('legacy plain reason');

    const counts = await reencryptStoredFields(2);
    expect(counts['profiles.suspended_reason']).toBeGreaterThanOrEqual(1);
    expect(counts['refresh_tokens.ip']).toBeGreaterThanOrEqual(1);
    const [raw] = await rawColumn('profiles', 'suspended_reason', sql`id = ${learner.id}`);
    expect(raw!.value?.startsWith(ENVELOPE_PREFIX)).toBe(true);
    expect((await read())[0]!.reason).toBe('legacy plain reason');
    const [token] = await asService('test', (tx) =>
      tx.select({ ip: refreshTokens.ip, ua: refreshTokens.userAgent }).from(refreshTokens).where(eq(refreshTokens.familyId, familyId)),
    );
    expect(token).toEqual({ ip: '198.51.100.9', ua: 'LegacyAgent/1' });
    // Nothing left to do on a second run.
    expect(Object.values(await reencryptStoredFields()).every((n) => n === 0)).toBe(true);

    // Rotation: a new current key with the old one as previous rewrites everything under the new key.
    const oldRing = dataKeyRing();
    const newKey = crypto.randomBytes(32);
    useDataKeyRing({ current: { id: keyIdOf(newKey), key: newKey }, previous: [oldRing.current] });
    const rotated = await reencryptStoredFields();
    expect(rotated['profiles.suspended_reason']).toBeGreaterThanOrEqual(1);
    const [after] = await rawColumn('profiles', 'suspended_reason', sql`id = ${learner.id}`);
    expect(after!.value?.startsWith(`${ENVELOPE_PREFIX}${keyIdOf(newKey)}:`)).toBe(true);
    // Without the old key, the new ring alone reads everything.
    useDataKeyRing({ current: { id: keyIdOf(newKey), key: newKey }, previous: [] });
    expect((await read())[0]!.reason).toBe('legacy plain reason');
  });
});
