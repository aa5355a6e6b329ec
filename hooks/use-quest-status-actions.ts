'use client';

import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { QuestEditorResponse } from '@/lib/admin/quests/types';
import { questPath, type QuestEditorState } from './use-quest-editor';

export type StatusAction = 'publish' | 'unpublish' | 'archive' | 'restore';

const DONE: Record<StatusAction, string> = {
  publish: 'Published: learners can now find this quest.',
  unpublish: 'Unpublished: the quest is a draft again. Learners who started it keep their progress.',
  archive: 'Archived: hidden from the catalog. Learners keep their progress.',
  restore: 'Restored as a draft.',
};

/**
 * Publish, unpublish, archive and restore. Publishing saves unsaved edits first (through the
 * editor's own validated save), so what goes live is what the admin sees.
 */
export function useQuestStatusActions(editor: QuestEditorState) {
  const mutation = useMutation({
    mutationFn: ({ id, action }: { id: string; action: StatusAction }) =>
      apiFetch<QuestEditorResponse>(`${questPath(id)}/${action}`, { body: {} }),
  });

  async function run(action: StatusAction): Promise<string | null> {
    let id = editor.meta?.id;
    if (action === 'publish' && (editor.dirty || !id)) {
      const saved = await editor.save();
      if (!saved) return null;
      id = saved.id;
    }
    if (!id) return null;
    editor.clearServerErrors();
    try {
      const { quest } = await mutation.mutateAsync({ id, action });
      editor.applyServerQuest(quest);
      return DONE[action];
    } catch (error) {
      editor.showServerError(error);
      return null;
    }
  }

  return { run, pending: mutation.isPending ? mutation.variables?.action ?? null : null };
}
