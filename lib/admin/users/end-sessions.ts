import 'server-only';
import { authAdapter } from '@/lib/auth';
import { revokeAllFamilies } from '@/lib/auth/built-in/refresh-tokens';
import { asService } from '@/lib/db';
import { logger } from '@/lib/observability/logger';

/** GoTrue takes a ban as a duration; a century stands for "until reinstated". */
const SUPABASE_BAN_DURATION = '876000h';

const warn = (msg: string, userId: string, error: unknown) => logger().warn({ userId, err: error }, msg);

/**
 * Ends every session a user holds. Requests stop at once without this (loadSession refuses a
 * suspended profile); this makes sure none of them comes back when the account is reinstated:
 * built-in refresh-token families are revoked (a named service job — refresh tokens are closed to
 * API roles), and under Supabase Auth the account is banned, which stops GoTrue refreshing it.
 * Resolves false when a step failed (logged): the suspension itself still holds.
 */
export async function endUserSessions(userId: string, job: 'admin-suspend-revoke-sessions' | 'admin-reinstate-revoke-sessions'): Promise<boolean> {
  let ended = true;
  try {
    await asService(job, (tx) => revokeAllFamilies(tx, userId, 'suspended'));
  } catch (error) {
    warn('could not revoke the refresh tokens of a suspended user', userId, error);
    ended = false;
  }
  if (job === 'admin-suspend-revoke-sessions') ended = (await setSupabaseBan(userId, true)) && ended;
  return ended;
}

/**
 * Bans or unbans the Supabase Auth account through the service-role client, when Supabase Auth is
 * the adapter and the service key is set (loaded only then, so the built-in setup never loads
 * supabase-js). True when done or not applicable.
 */
export async function setSupabaseBan(userId: string, banned: boolean): Promise<boolean> {
  if ((await authAdapter()).name !== 'supabase') return true;
  const { createSupabaseAdminClient, supabaseAdminConfigured } = await import('@/lib/auth/supabase/admin-client');
  if (!supabaseAdminConfigured()) {
    warn('SUPABASE_SERVICE_ROLE_KEY is missing: the Supabase Auth account was not (un)banned', userId, banned ? 'ban' : 'unban');
    return false;
  }
  try {
    const { error } = await createSupabaseAdminClient().auth.admin.updateUserById(userId, {
      ban_duration: banned ? SUPABASE_BAN_DURATION : 'none',
    });
    if (error) throw error;
    return true;
  } catch (error) {
    warn(banned ? 'could not ban a suspended user in Supabase Auth' : 'could not unban a reinstated user in Supabase Auth', userId, error);
    return false;
  }
}
