'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { focusElementById } from '@/hooks/use-quest-editor-focus';
import { useQuestEditor } from '@/hooks/use-quest-editor';
import { useUnsavedChangesWarning } from '@/hooks/use-unsaved-changes-warning';
import type { QuestEditorView, QuestOptions } from '@/lib/admin/quests/types';
import { CoverImageField } from './cover-image-field';
import { fieldId, orderedPaths } from './editor-errors';
import { ErrorSummary } from './error-summary';
import { ObjectivesField } from './objectives-field';
import { PrerequisitePicker } from './prerequisite-picker';
import { QuestDetailsFields } from './quest-details-fields';
import { QuestEditorActions } from './quest-editor-actions';
import { QuestEditorHeader } from './quest-editor-header';
import { StepList } from './step-list';
import { cardClass, primaryButton } from '@/components/admin/styles';

export interface EditorPermissions {
  canDelete: boolean;
}

/**
 * The quest editor: every field of a quest and its steps, validated with the API's own schema
 * before saving, server refusals shown next to the inputs they name, status actions (publish,
 * archive…) and delete. `initial` is null for a new quest.
 */
export function QuestEditor({
  initial,
  options,
  permissions,
  justCreated = false,
}: {
  initial: QuestEditorView | null;
  options: QuestOptions;
  permissions: EditorPermissions;
  justCreated?: boolean;
}) {
  const router = useRouter();
  const editor = useQuestEditor(initial, {
    onCreated: (quest) => router.replace(`/admin/quests/${quest.id}?created=1`),
  });
  const { draft, dispatch, errors, meta } = editor;
  const [notice, setNotice] = useState<string | null>(justCreated ? 'Draft created. Learners cannot see it until you publish it.' : null);
  useUnsavedChangesWarning(editor.dirty);

  // After a refused save, focus goes to the first field in trouble (in page order).
  useEffect(() => {
    if (!editor.focusRequest) return;
    const [first] = orderedPaths(errors, document);
    if (first) focusElementById(fieldId(first));
    // Only a new request moves focus; errors changing while typing must not.
  }, [editor.focusRequest]);

  const onSave = async () => {
    setNotice(null);
    // The fields are disabled while saving (what is saved is what was sent); Enter in a field
    // would lose focus to that, so it comes back afterwards.
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    await editor.save();
    if (active?.isConnected && (document.activeElement === document.body || document.activeElement === null)) active.focus();
  };

  return (
    <div className="space-y-6">
      <QuestEditorHeader title={draft.title} meta={meta} />

      {meta ? (
        <QuestEditorActions editor={editor} canDelete={permissions.canDelete} onNotice={setNotice} />
      ) : null}

      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      <ErrorSummary message={editor.formError} errors={errors} onFocusField={(path) => focusElementById(fieldId(path))} />

      <form
        noValidate
        aria-label={meta ? 'Edit quest' : 'New quest'}
        onSubmit={(event) => {
          event.preventDefault();
          void onSave();
        }}
        className="space-y-6"
      >
        {/* Edits made during a save would be overwritten by the saved quest: none while it runs. */}
        <fieldset disabled={editor.saving} className="min-w-0 space-y-6">
          <section aria-labelledby="details-heading" className={cardClass}>
            <h2 id="details-heading" className="mb-5 text-xl font-bold tracking-tight text-slate-900">
              Details
            </h2>
            <QuestDetailsFields
              draft={draft}
              dispatch={dispatch}
              errors={errors}
              categories={options.categories}
              isNew={!meta}
              cover={
                <CoverImageField value={draft.coverImageUrl} errors={errors} onChange={(url) => dispatch({ type: 'setCover', url })} />
              }
            />
          </section>

          <section aria-labelledby="overview-heading" className={`${cardClass} space-y-8`}>
            <h2 id="overview-heading" className="text-xl font-bold tracking-tight text-slate-900">
              Overview
            </h2>
            <ObjectivesField objectives={draft.objectives} dispatch={dispatch} errors={errors} />
            <PrerequisitePicker
              options={options.quests}
              questId={meta?.id ?? null}
              selected={draft.prerequisites}
              dispatch={dispatch}
              errors={errors}
            />
          </section>

          <StepList steps={draft.steps} dispatch={dispatch} errors={errors} learnerCount={meta?.learnerCount ?? 0} />
        </fieldset>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:flex-row sm:items-center sm:rounded-xl sm:border sm:px-4">
          <button
            type="submit"
            className={`${primaryButton} aria-disabled:cursor-wait aria-disabled:opacity-70`}
            aria-disabled={editor.saving || undefined}
            onClick={(event) => {
              // Stays focusable while saving (a disabled button would drop focus); a second click waits.
              if (editor.saving) event.preventDefault();
            }}
          >
            {editor.saving ? (
              <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
            ) : null}
            {editor.saving ? 'Saving…' : meta ? 'Save changes' : 'Create draft'}
          </button>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {editor.saving ? 'Saving…' : editor.saved ? 'Saved' : editor.dirty ? 'Unsaved changes' : meta ? 'All changes saved' : ''}
          </p>
          {meta ? (
            <Link href="/admin/quests" className="text-sm font-medium text-brand-700 underline hover:text-brand-800 sm:ml-auto">
              Back to quests
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
