'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { draftFromView, emptyDraft, toEditorInput, type QuestDraft } from '@/components/admin/quests/editor-draft';
import { groupErrors, validateDraft, type EditorErrors } from '@/components/admin/quests/editor-errors';
import { editorReducer, type EditorAction } from '@/components/admin/quests/editor-reducer';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import type { QuestEditorValues } from '@/lib/admin/quests/schemas';
import type { QuestEditorResponse, QuestEditorView } from '@/lib/admin/quests/types';

/**
 * The quest editor's state: the draft and its edits, whether it differs from what is saved, the
 * errors to show (the shared schema's, once the admin has tried to save, and the server's), and
 * saving (POST for a new quest, PUT for an existing one). Status changes live in
 * useQuestStatusActions; they share `meta` through `applyServerQuest`.
 */

export type QuestMeta = Pick<QuestEditorView, 'id' | 'status' | 'publishedAt' | 'updatedAt' | 'learnerCount' | 'archivedStepCount'>;

const CLIENT_MESSAGE = 'Please fix the problems listed below before saving.';

const snapshot = (draft: QuestDraft) => JSON.stringify(toEditorInput(draft));

export const questPath = (id: string) => `/api/admin/quests/${encodeURIComponent(id)}`;

export function metaOf(view: QuestEditorView): QuestMeta {
  return {
    id: view.id,
    status: view.status,
    publishedAt: view.publishedAt,
    updatedAt: view.updatedAt,
    learnerCount: view.learnerCount,
    archivedStepCount: view.archivedStepCount,
  };
}

export function errorMessageOf(error: unknown): string {
  return error instanceof ApiRequestError ? error.body.message : 'Something went wrong. Please try again.';
}

export function useQuestEditor(initial: QuestEditorView | null, options: { onCreated?: (view: QuestEditorView) => void } = {}) {
  const [draft, rawDispatch] = useReducer(editorReducer, initial, (view) => (view ? draftFromView(view) : emptyDraft()));
  const [baseline, setBaseline] = useState(() => snapshot(draft));
  const [meta, setMeta] = useState<QuestMeta | null>(() => (initial ? metaOf(initial) : null));
  /** Client-side errors show from the first save attempt on, then follow every edit. */
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<EditorErrors>({});
  /** The server's (or the network's) message for the last refused request. */
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  /** Bumped when focus should move to the first invalid field (after a refused save). */
  const [focusRequest, setFocusRequest] = useState(0);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const dirty = useMemo(() => snapshot(draft) !== baseline, [draft, baseline]);
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const clientErrors = submitted && !validation.success ? validation.errors : {};
  const errors = useMemo(() => mergeErrors(clientErrors, serverErrors), [clientErrors, serverErrors]);
  // The client's message lasts exactly as long as the problems it announces.
  const formError = serverMessage ?? (Object.keys(clientErrors).length ? CLIENT_MESSAGE : null);

  const dispatch = useCallback((action: EditorAction) => {
    // The server judged the previous draft; its errors would point at stale fields.
    setServerErrors((current) => (Object.keys(current).length ? {} : current));
    setServerMessage(null);
    setJustSaved(false);
    rawDispatch(action);
  }, []);

  /** Shows what the server returned as saved: the draft (new steps now have ids) and its state. */
  const applySaved = useCallback((view: QuestEditorView) => {
    const next = draftFromView(view, draftRef.current);
    rawDispatch({ type: 'reset', draft: next });
    setBaseline(snapshot(next));
    setMeta(metaOf(view));
  }, []);

  /** A status change: only the quest's state changes, never the admin's unsaved edits. */
  const applyServerQuest = useCallback((view: QuestEditorView) => setMeta(metaOf(view)), []);

  /** Server refusals: field errors next to their inputs, the message at the top. */
  const showServerError = useCallback((error: unknown) => {
    const fields = error instanceof ApiRequestError ? error.body.fields : undefined;
    const grouped = fields ? groupErrors(fields) : {};
    setServerErrors(grouped);
    setServerMessage(errorMessageOf(error));
    if (Object.keys(grouped).length) setFocusRequest((n) => n + 1);
  }, []);

  const saveMutation = useMutation({
    mutationFn: (values: QuestEditorValues) =>
      meta
        ? apiFetch<QuestEditorResponse>(questPath(meta.id), { method: 'PUT', body: values })
        : apiFetch<QuestEditorResponse>('/api/admin/quests', { body: values }),
  });

  /** Validates with the shared schema, then saves. Resolves to the saved quest, or null if refused. */
  const save = useCallback(async (): Promise<QuestEditorView | null> => {
    setSubmitted(true);
    const checked = validateDraft(draftRef.current);
    setServerErrors({});
    setServerMessage(null);
    if (!checked.success) {
      setFocusRequest((n) => n + 1);
      return null;
    }
    try {
      const { quest } = await saveMutation.mutateAsync(checked.data);
      const created = !meta;
      applySaved(quest);
      setJustSaved(true);
      if (created) options.onCreated?.(quest);
      return quest;
    } catch (error) {
      showServerError(error);
      return null;
    }
  }, [applySaved, meta, options, saveMutation, showServerError]);

  return {
    draft,
    dispatch,
    dirty,
    meta,
    errors,
    formError,
    focusRequest,
    saving: saveMutation.isPending,
    saved: justSaved && !dirty,
    save,
    applyServerQuest,
    showServerError,
    clearServerErrors: () => {
      setServerErrors({});
      setServerMessage(null);
    },
  };
}

function mergeErrors(a: EditorErrors, b: EditorErrors): EditorErrors {
  if (!Object.keys(b).length) return a;
  const merged: EditorErrors = { ...a };
  for (const [key, messages] of Object.entries(b)) merged[key] = [...new Set([...(merged[key] ?? []), ...messages])];
  return merged;
}

export type QuestEditorState = ReturnType<typeof useQuestEditor>;
