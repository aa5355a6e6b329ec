'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { apiFetch } from '@/lib/api/client';

/**
 * Signing out, once: end the session (this device, or every device) and leave for `redirectTo`,
 * refreshing server components so the header forgets the user. With `leaveOnError` the page is
 * left even when the request fails (the header's button: the cookies may already be gone);
 * otherwise the caller shows the error and stays.
 */
export function useSignOut(options: { allDevices?: boolean; redirectTo: string; leaveOnError?: boolean }) {
  const router = useRouter();
  const leave = () => {
    router.replace(options.redirectTo);
    router.refresh();
  };
  return useMutation({
    mutationFn: () => apiFetch('/api/auth/logout', { body: options.allDevices ? { allDevices: true } : {} }),
    onSuccess: leave,
    onError: options.leaveOnError ? leave : undefined,
  });
}
