'use client';

import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { apiFetch } from '@/lib/api/client';

/** Confirms the emailed token once, on arrival; mail scanners that only GET the link change nothing. */
export function VerifyEmailToken({ token }: { token: string }) {
  const verify = useMutation({ mutationFn: () => apiFetch('/api/auth/verify-email', { body: { token } }) });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verify.mutate();
  }, [verify]);

  if (verify.isSuccess) {
    return (
      <div className="mt-6 space-y-4">
        <FormAlert tone="success">Your email is verified. Welcome to WorkFree!</FormAlert>
        <Link href="/quests" className="inline-block text-sm font-semibold text-brand-700 underline">
          Find your first quest
        </Link>
      </div>
    );
  }
  if (verify.isError) {
    return (
      <div className="mt-6 space-y-4">
        <FormAlert>This verification link is invalid, already used or expired.</FormAlert>
        <Link href="/settings" className="inline-block text-sm font-semibold text-brand-700 underline">
          Go to settings
        </Link>
      </div>
    );
  }
  return (
    <p className="mt-6 text-sm text-slate-700" role="status">
      Verifying your email…
    </p>
  );
}
