'use client';

import { useSignOut } from '@/hooks/use-sign-out';

export function SignOutButton() {
  const signOut = useSignOut({ redirectTo: '/', leaveOnError: true });
  return (
    <button
      type="button"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
      className="rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-70"
    >
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
