'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { useApiForm } from '@/hooks/use-api-form';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { SUSPEND_REASON_MAX, suspendSchema } from '@/lib/admin/users/schemas';

const secondary =
  'min-h-11 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-70';

/**
 * Suspend (behind a confirmation dialog that asks for the reason) or reinstate. A suspension ends
 * the user's sessions at once; the page refreshes to show the new state.
 */
export function SuspensionPanel({ userId, email, suspended }: { userId: string; email: string; suspended: boolean }) {
  // Kept here, above the part that swaps after the refresh, so the confirmation stays on screen.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {suspended ? (
        <ReinstateButton userId={userId} onDone={() => setNotice('Account reinstated. They can sign in again.')} />
      ) : (
        <SuspendDialog userId={userId} email={email} onOpen={() => setNotice(null)} onDone={() => setNotice('Account suspended. Their sessions have ended.')} />
      )}
    </div>
  );
}

function ReinstateButton({ userId, onDone }: { userId: string; onDone: () => void }) {
  const router = useRouter();
  const reinstate = useMutation({
    mutationFn: () => apiFetch(`/api/admin/users/${userId}/reinstate`, { body: {} }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <div className="space-y-3">
      {reinstate.isError ? (
        <FormAlert>{reinstate.error instanceof ApiRequestError ? reinstate.error.body.message : 'Could not reinstate. Please try again.'}</FormAlert>
      ) : null}
      <p className="text-sm text-slate-700">Reinstating lets them sign in again. Sessions from before the suspension stay ended.</p>
      <button type="button" onClick={() => reinstate.mutate()} disabled={reinstate.isPending} className={secondary}>
        {reinstate.isPending ? 'Reinstating…' : 'Reinstate account'}
      </button>
    </div>
  );
}

function SuspendDialog({ userId, email, onOpen, onDone }: { userId: string; email: string; onOpen: () => void; onDone: () => void }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const form = useApiForm(suspendSchema, (values) => apiFetch(`/api/admin/users/${userId}/suspend`, { body: values }), {
    onSuccess: () => {
      dialogRef.current?.close();
      formRef.current?.reset();
      onDone();
      router.refresh();
    },
  });
  const show = () => {
    setOpen(true);
    onOpen();
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();
  const reasonError = form.fieldErrors.reason?.[0];

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">A suspended user is signed out everywhere at once and cannot sign in until reinstated.</p>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="min-h-11 rounded-lg bg-rose-50 px-4 text-sm font-semibold text-rose-800 ring-1 ring-inset ring-rose-200 hover:bg-rose-100"
      >
        Suspend account…
      </button>
      <dialog
        ref={dialogRef}
        onClose={() => setOpen(false)}
        aria-labelledby="suspend-dialog-title"
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form ref={formRef} onSubmit={form.handleSubmit} noValidate className="space-y-4 p-6">
          <h2 id="suspend-dialog-title" className="text-lg font-semibold text-slate-900">
            Suspend {email}?
          </h2>
          <p className="text-sm text-slate-700">
            They are signed out of every device now and cannot sign in until an admin reinstates them. Their progress is kept.
          </p>
          {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
          <div>
            <label htmlFor="suspend-reason" className="block text-sm font-medium text-slate-900">
              Reason (kept in the audit log)
            </label>
            <textarea
              id="suspend-reason"
              name="reason"
              required
              rows={3}
              maxLength={SUSPEND_REASON_MAX}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? 'suspend-reason-error' : undefined}
              className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${
                reasonError ? 'border-rose-600' : 'border-slate-300'
              }`}
            />
            {reasonError ? (
              <p id="suspend-reason-error" className="mt-1 text-sm text-rose-700">
                {reasonError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <button type="button" onClick={close} className={secondary}>
              Cancel
            </button>
            <SubmitButton pending={form.pending} pendingLabel="Suspending…" tone="danger">
              Suspend account
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
