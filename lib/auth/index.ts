import 'server-only';
import { env } from '@/lib/env';
import { builtInAuthAdapter } from './built-in/adapter';
import { supabaseAuthAdapter } from './supabase/adapter';
import type { AuthAdapter } from './types';

/** The configured auth adapter: Supabase Auth when its URL and anon key are set, else built-in. */
export function authAdapter(): AuthAdapter {
  const config = env();
  return config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY ? supabaseAuthAdapter() : builtInAuthAdapter;
}

export type { AuthAdapter, Session, SessionUser } from './types';
