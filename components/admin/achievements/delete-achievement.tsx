'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { quietDangerButton } from '@/components/admin/styles';

/**
 * Deleting, for achievements nobody holds. Once a learner has unlocked it, it stays on their wall
 * and in their XP history, so the API refuses (409) and this says why instead of offering it.
 */
export function DeleteAchievement({ id, name, unlockCount }: { id: string; name: string; unlockCount: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/admin/achievements/${id}`, { method: 'DELETE' });
      setOpen(false);
      router.push('/admin/achievements?notice=deleted');
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.body.message : 'Could not delete the achievement. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="delete-heading" className="space-y-3">
      <h2 id="delete-heading" className="text-base font-semibold text-slate-900">
        Delete
      </h2>
      {unlockCount > 0 ? (
        <p className="text-sm text-slate-600">
          {unlockCount.toLocaleString('en-US')} learner{unlockCount === 1 ? ' has' : 's have'} unlocked it, so it cannot be deleted: earned
          achievements stay on learners’ walls and in their XP history. Rename it or change its criterion instead.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">Nobody has unlocked it yet, so it can be deleted.</p>
          <button type="button" className={quietDangerButton} aria-haspopup="dialog" onClick={() => setOpen(true)}>
            Delete achievement…
          </button>
        </>
      )}
      <ConfirmDialog
        open={open}
        title={`Delete “${name}”?`}
        confirmLabel="Delete achievement"
        pendingLabel="Deleting…"
        tone="danger"
        pending={pending}
        error={error}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      >
        <p>It disappears from every learner’s achievements page. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
