'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { apiFetch } from '@/lib/api/client';

export function SignOutButton() {
  const router = useRouter();
  const signOut = useMutation({
    mutationFn: () => apiFetch('/api/auth/logout', { body: {} }),
    onSettled: () => {
      router.replace('/');
      router.refresh();
    },
  });
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
