import { reinstateUser, suspendUser } from '@/lib/admin/users/suspend-user';
import { loadSession } from '@/lib/auth/load-session-user';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser } from '../../../support/fixtures';
import { SERVICE_ROLE_KEY } from '../../auth/supabase/gotrue-double';
import { useGoTrueDouble } from '../../auth/supabase/support';
import { captureLogs } from '../../observability/log-capture';

/**
 * Under Supabase Auth the refresh tokens live in GoTrue, so suspending bans the account there
 * (GoTrue then refuses to refresh it) through the service-role client, and reinstating unbans it.
 * The real supabase-js client talks to a local GoTrue double; its requests are what we check.
 */
describe('suspension under Supabase Auth', () => {
  const { double } = useGoTrueDouble();
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('bans the account on suspension and unbans it on reinstatement, with the service key', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const learner = await createTestUser();
    const session = (await loadSession(admin.claims))!;
    const logs = captureLogs();

    const suspended = await suspendUser(session, learner.id, { reason: 'Ban test' });
    const ban = double().requestsTo('PUT', `/admin/users/${learner.id}`);
    expect(ban).toHaveLength(1);
    expect(ban[0]!.body).toMatchObject({ ban_duration: '876000h' });
    expect(ban[0]!.headers.authorization).toBe(`Bearer ${SERVICE_ROLE_KEY}`);
    // The double has no such endpoint (404): the suspension holds, and the result says sessions
    // may not all have ended (the failure is logged).
    expect(suspended.user.suspendedAt).not.toBeNull();
    expect(suspended.sessionsEnded).toBe(false);

    await reinstateUser(session, learner.id);
    expect(double().requestsTo('PUT', `/admin/users/${learner.id}`).at(-1)?.body).toMatchObject({ ban_duration: 'none' });
    expect(logs.lines().filter((line) => line.userId === learner.id).map(({ level, msg }) => [level, msg])).toEqual([
      ['warn', 'could not ban a suspended user in Supabase Auth'],
      ['warn', 'could not unban a reinstated user in Supabase Auth'],
    ]);
    logs.stop();
  });
});
