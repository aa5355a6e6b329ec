import 'server-only';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { ConfigError, env } from '@/lib/env';
import { nodeWebSocketTransport, supabaseConfig } from './config';

/**
 * The service-role client. It bypasses RLS and can edit any account, so it has exactly two callers:
 * account deletion (auth.admin.deleteUser) in the Supabase adapter, and suspension
 * (auth.admin.updateUserById ban_duration) in lib/admin/users/end-sessions.ts. Anything else goes
 * through the anon-key clients as the signed-in user.
 */

export function supabaseAdminConfigured(): boolean {
  return Boolean(env().SUPABASE_SERVICE_ROLE_KEY);
}

export function createSupabaseAdminClient(): SupabaseClient {
  const serviceRoleKey = env().SUPABASE_SERVICE_ROLE_KEY;
  if (!serviceRoleKey) {
    throw new ConfigError('SUPABASE_SERVICE_ROLE_KEY is missing: deleting a Supabase Auth account needs it.');
  }
  const { url } = supabaseConfig();
  return createClient(url, serviceRoleKey, {
    // No session of its own: the service key is the credential on every request.
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js ≥ 2.110 throws without one (ARCHITECTURE §8).
    realtime: { transport: nodeWebSocketTransport },
  });
}
