'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { PASSWORD_MIN_LENGTH, resetPasswordSchema } from '@/lib/auth/schemas';

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const form = useApiForm(resetPasswordSchema, (values) => apiFetch('/api/auth/reset-password', { body: values }), {
    transform: (raw) => ({ ...raw, token }),
    onSuccess: () => router.replace('/login?notice=reset'),
  });
  return (
    <form method="post" onSubmit={form.handleSubmit} noValidate className="mt-6 space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {form.fieldErrors.token ? (
        <FormAlert>This reset link is invalid or has expired. Ask for a new one from the sign-in page.</FormAlert>
      ) : null}
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Every device will be signed out.`}
        errors={form.fieldErrors.password}
      />
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
