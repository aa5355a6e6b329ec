'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { ApiRequestError, apiFetch } from '@/lib/api/client';

interface StartResponse {
  progress: { id: string; questId: string; status: 'in_progress'; currentStep: number; startedAt: string };
}

/** Starts the quest (idempotent on the server) and opens the player. */
export function StartQuestButton({ questId, slug }: { questId: string; slug: string }) {
  const router = useRouter();
  const start = useMutation({
    mutationFn: () => apiFetch<StartResponse>(`/api/quests/${encodeURIComponent(questId)}/start`, { method: 'POST', body: {} }),
    onSuccess: () => router.push(`/quests/${slug}/play`),
  });
  // Stay disabled after success while the player loads, so a second click cannot race it.
  const busy = start.isPending || start.isSuccess;

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => start.mutate()}
        disabled={busy}
        aria-disabled={busy}
        className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
      >
        {busy ? (
          <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
        ) : null}
        {busy ? 'Starting…' : 'Start quest'}
      </button>
      {start.error ? <StartError error={start.error} slug={slug} /> : null}
    </div>
  );
}

function StartError({ error, slug }: { error: Error; slug: string }) {
  if (!(error instanceof ApiRequestError)) return <FormAlert>Something went wrong. Please try again.</FormAlert>;
  const { status, body } = error;
  if (body.code === 'PREMIUM_REQUIRED') {
    return (
      <FormAlert>
        This quest is part of the premium plan.{' '}
        <Link href="/pricing" className="font-semibold underline">
          Upgrade to premium
        </Link>{' '}
        to start it.
      </FormAlert>
    );
  }
  if (body.code === 'PREREQUISITES_UNMET') {
    const missing = body.fields?.prerequisites ?? [];
    return (
      <FormAlert>
        <p>Finish these quests first:</p>
        {missing.length ? (
          <ul className="mt-1 list-disc pl-5">
            {missing.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        ) : null}
      </FormAlert>
    );
  }
  if (status === 401) {
    return (
      <FormAlert>
        Your session has ended.{' '}
        <Link href={`/login?next=${encodeURIComponent(`/quests/${slug}`)}`} className="font-semibold underline">
          Sign in again
        </Link>{' '}
        to start this quest.
      </FormAlert>
    );
  }
  return <FormAlert>{body.message}</FormAlert>;
}
