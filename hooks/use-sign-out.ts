'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/api/client';

/**
 * Signing out, once: end the session (this device, or every device) and leave for `redirectTo`,
 * refreshing server components so the header forgets the user. With `leaveOnError` the page is
 * left even when the request fails (the header's button: the cookies may already be gone);
 * otherwise the caller shows the error and stays.
 *
 * Plain state rather than a query library: the header is on every page, including the quest
 * player, whose JavaScript budget has no room for one.
 */
export function useSignOut(options: { allDevices?: boolean; redirectTo: string; leaveOnError?: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState<'idle' | 'pending' | 'error' | 'done'>('idle');
  const leave = () => {
    router.replace(options.redirectTo);
    router.refresh();
  };
  const mutate = () => {
    setStatus('pending');
    apiFetch('/api/auth/logout', { body: options.allDevices ? { allDevices: true } : {} }).then(
      () => {
        setStatus('done');
        leave();
      },
      () => {
        setStatus('error');
        if (options.leaveOnError) leave();
      },
    );
  };
  return { mutate, isPending: status === 'pending', isError: status === 'error' };
}
