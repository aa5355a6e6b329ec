import 'server-only';
import type { SupabaseClient } from '@supabase/supabase-js';
import { jwtClaimsSchema, type JwtClaims } from '@/lib/db/claims';
import { supabaseConfig } from './config';
import { createSupabaseStatelessClient } from './server-client';

/**
 * Verifies a Supabase access token (from an Authorization header, say) with auth-js's getClaims:
 * expiry, then the signature — locally against the project's JWKS (GET /auth/v1/.well-known/jwks.json)
 * for ES256/RS256 keys, or, for HS256 projects, by asking GET /auth/v1/user, which also rejects
 * signed-out sessions. The claims must then be an `authenticated` user token (jwtClaimsSchema):
 * a service_role or anon key never passes as a user.
 *
 * One stateless client per project is kept and reused. It never holds a session (nothing signs in
 * through it), so the per-request rule for session clients does not apply; reusing it keeps the
 * JWKS it caches for 10 minutes instead of fetching the key set on every request.
 */

let verifier: { key: string; client: SupabaseClient } | undefined;

function verifierClient(): SupabaseClient {
  const { url, anonKey } = supabaseConfig();
  const key = `${url}\n${anonKey}`;
  if (verifier?.key !== key) verifier = { key, client: createSupabaseStatelessClient() };
  return verifier.client;
}

export async function verifySupabaseAccessToken(token: string): Promise<JwtClaims | null> {
  if (!token) return null;
  try {
    const { data, error } = await verifierClient().auth.getClaims(token);
    if (error || !data) return null;
    const parsed = jwtClaimsSchema.safeParse(data.claims);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
