'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorMessageOf, questPath, type QuestEditorState } from '@/hooks/use-quest-editor';
import { useQuestStatusActions, type StatusAction } from '@/hooks/use-quest-status-actions';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { primaryButton, quietDangerButton, secondaryButton } from '@/components/admin/styles';

const LABELS: Record<StatusAction, { idle: string; pending: string }> = {
  publish: { idle: 'Publish', pending: 'Publishing…' },
  unpublish: { idle: 'Unpublish', pending: 'Unpublishing…' },
  archive: { idle: 'Archive', pending: 'Archiving…' },
  restore: { idle: 'Restore as draft', pending: 'Restoring…' },
};

/**
 * What can be done with a saved quest: preview it, change its status (publishing saves pending
 * edits first), and delete it behind a confirmation. A quest learners have started cannot be
 * deleted; the dialog then offers to archive it instead.
 */
export function QuestEditorActions({
  editor,
  canDelete,
  onNotice,
}: {
  editor: QuestEditorState;
  canDelete: boolean;
  onNotice: (message: string | null) => void;
}) {
  const router = useRouter();
  const status = useQuestStatusActions(editor);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<{ message: string; offerArchive: boolean } | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<{ deleted: true }>(questPath(id), { method: 'DELETE' }),
  });
  const meta = editor.meta;
  if (!meta) return null;

  const available: StatusAction[] =
    meta.status === 'draft' ? ['publish', 'archive'] : meta.status === 'published' ? ['unpublish', 'archive'] : ['restore'];
  const busy = status.pending !== null || editor.saving;

  async function run(action: StatusAction) {
    onNotice(null);
    const done = await status.run(action);
    if (done) onNotice(done);
  }

  async function confirmDelete() {
    if (!meta) return;
    setDeleteError(null);
    try {
      await remove.mutateAsync(meta.id);
      // A client-side move: no unsaved-changes prompt for a quest that no longer exists.
      router.push('/admin/quests?notice=deleted');
    } catch (error) {
      const conflict = error instanceof ApiRequestError && error.status === 409;
      setDeleteError({
        message: errorMessageOf(error),
        offerArchive: conflict && /archive/i.test(errorMessageOf(error)) && meta.status !== 'archived',
      });
    }
  }

  async function archiveInstead() {
    setDeleting(false);
    setDeleteError(null);
    await run('archive');
  }

  return (
    <div role="group" aria-label="Quest actions" className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <Link href={`/admin/quests/${meta.id}/preview`} className={secondaryButton}>
        Preview
      </Link>
      {available.map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'publish' ? primaryButton : secondaryButton}
          disabled={busy}
          onClick={() => void run(action)}
        >
          {status.pending === action ? LABELS[action].pending : LABELS[action].idle}
        </button>
      ))}
      {canDelete ? (
        <button
          type="button"
          className={`${quietDangerButton} sm:ml-auto`}
          aria-haspopup="dialog"
          disabled={busy}
          onClick={() => {
            setDeleteError(null);
            setDeleting(true);
          }}
        >
          Delete…
        </button>
      ) : null}
      {editor.dirty && meta.status !== 'archived' ? (
        <p className="w-full text-xs text-slate-600">Preview shows the last saved version. Publishing saves your changes first.</p>
      ) : null}

      <ConfirmDialog
        open={deleting}
        title="Delete this quest?"
        confirmLabel="Delete quest"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={deleteError?.message}
        extraAction={
          deleteError?.offerArchive ? (
            <button type="button" className={secondaryButton} onClick={() => void archiveInstead()}>
              Archive instead
            </button>
          ) : null
        }
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(false)}
      >
        <p>The quest, its steps and answer keys are deleted for good. This cannot be undone.</p>
        {meta.learnerCount > 0 ? (
          <p>
            {meta.learnerCount === 1 ? '1 learner has' : `${meta.learnerCount} learners have`} progress in it, so it cannot be deleted:
            archive it to hide it while they keep their progress.
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
