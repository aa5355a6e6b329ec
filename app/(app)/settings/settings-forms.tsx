'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useApiForm } from '@/hooks/use-api-form';
import { useSignOut } from '@/hooks/use-sign-out';
import { apiFetch } from '@/lib/api/client';
import { PASSWORD_MIN_LENGTH, changePasswordSchema, deleteAccountSchema, updateProfileSchema } from '@/lib/auth/schemas';

export function ProfileForm({ fullName }: { fullName: string }) {
  const router = useRouter();
  const form = useApiForm(updateProfileSchema, (values) => apiFetch('/api/auth/me', { method: 'PATCH', body: values }), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={form.handleSubmit} noValidate className="space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {form.succeeded ? <FormAlert tone="success">Profile saved.</FormAlert> : null}
      <TextField name="fullName" label="Name" autoComplete="name" defaultValue={fullName} required errors={form.fieldErrors.fullName} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}

export function ResendVerificationButton() {
  const resend = useMutation({ mutationFn: () => apiFetch('/api/auth/resend-verification', { body: {} }) });
  return (
    <div className="mb-5 space-y-2">
      {resend.isSuccess ? <FormAlert tone="success">A new verification link is on its way.</FormAlert> : null}
      {resend.isError ? <FormAlert>Could not send the email. Please try again.</FormAlert> : null}
      <button
        type="button"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
        className="min-h-11 rounded-lg px-4 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50 disabled:opacity-70"
      >
        {resend.isPending ? 'Sending…' : 'Resend verification email'}
      </button>
    </div>
  );
}

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useApiForm(changePasswordSchema, (values) => apiFetch('/api/auth/change-password', { body: values }), {
    onSuccess: () => formRef.current?.reset(),
  });
  return (
    <form ref={formRef} method="post" onSubmit={form.handleSubmit} noValidate className="space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {form.succeeded ? <FormAlert tone="success">Password changed. Other devices were signed out.</FormAlert> : null}
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={form.fieldErrors.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={form.fieldErrors.newPassword}
      />
      <SubmitButton pending={form.pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}

export function SignOutEverywhere() {
  const signOut = useSignOut({ allDevices: true, redirectTo: '/login' });
  return (
    <div className="space-y-3">
      {signOut.isError ? <FormAlert>Could not sign out. Please try again.</FormAlert> : null}
      <button
        type="button"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
        className="min-h-11 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-70"
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out of all devices'}
      </button>
    </div>
  );
}

/** Deleting is behind a dialog that asks for the password: no one-click data loss. */
export function DeleteAccountSection() {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const form = useApiForm(deleteAccountSchema, (values) => apiFetch('/api/auth/me', { method: 'DELETE', body: values }), {
    onSuccess: () => {
      router.replace('/login?notice=deleted');
      router.refresh();
    },
  });
  const show = () => {
    setOpen(true);
    dialogRef.current?.showModal();
  };
  const close = () => {
    setOpen(false);
    dialogRef.current?.close();
  };
  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="min-h-11 rounded-lg bg-rose-50 px-4 text-sm font-semibold text-rose-800 ring-1 ring-inset ring-rose-200 hover:bg-rose-100"
      >
        Delete my account…
      </button>
      <dialog
        ref={dialogRef}
        onClose={() => setOpen(false)}
        aria-labelledby="delete-dialog-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form method="post" onSubmit={form.handleSubmit} noValidate className="space-y-4 p-6">
          <h2 id="delete-dialog-title" className="text-lg font-semibold text-slate-900">
            Delete your account?
          </h2>
          <p className="text-sm text-slate-700">
            Your profile, quest progress, XP and achievements will be deleted immediately. Enter your password to confirm.
          </p>
          {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
          <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={form.fieldErrors.password} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <button
              type="button"
              onClick={close}
              className="min-h-11 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              Keep my account
            </button>
            <SubmitButton pending={form.pending} pendingLabel="Deleting…" tone="danger">
              Delete account
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
