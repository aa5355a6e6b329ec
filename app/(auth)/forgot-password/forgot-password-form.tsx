'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { forgotPasswordSchema } from '@/lib/auth/schemas';

export function ForgotPasswordForm() {
  const form = useApiForm(forgotPasswordSchema, (values) => apiFetch('/api/auth/forgot-password', { body: values }));
  if (form.succeeded) {
    return (
      <div className="mt-6">
        <FormAlert tone="success">
          If an account exists for that email, a reset link is on its way. It works for one hour.
        </FormAlert>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={form.handleSubmit} noValidate className="mt-6 space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField name="email" label="Email" type="email" autoComplete="email" required errors={form.fieldErrors.email} />
      <SubmitButton pending={form.pending} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
