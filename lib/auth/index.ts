import 'server-only';
import { env } from '@/lib/env';
import { builtInAuthAdapter } from './built-in/adapter';
import type { AuthAdapter } from './types';

/**
 * The configured auth adapter: Supabase Auth when its URL and anon key are set, else built-in.
 * The Supabase adapter is loaded only when chosen, so a built-in deployment never loads supabase-js.
 */
export async function authAdapter(): Promise<AuthAdapter> {
  const config = env();
  if (config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY) {
    const { supabaseAuthAdapter } = await import('./supabase/adapter');
    return supabaseAuthAdapter();
  }
  return builtInAuthAdapter;
}

export type { AuthAdapter, Session, SessionUser } from './types';
