'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { PASSWORD_MIN_LENGTH, registerSchema } from '@/lib/auth/schemas';

export function RegisterForm() {
  const router = useRouter();
  const form = useApiForm(
    registerSchema,
    (values) => apiFetch<{ emailConfirmationRequired: boolean }>('/api/auth/register', { body: values }),
    {
      onSuccess: (result) => {
        router.replace(result.emailConfirmationRequired ? '/verify-email?sent=1&signin=1' : '/verify-email?sent=1');
        router.refresh();
      },
    },
  );
  return (
    <form method="post" onSubmit={form.handleSubmit} noValidate className="mt-6 space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField name="fullName" label="Your name" autoComplete="name" required errors={form.fieldErrors.fullName} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required errors={form.fieldErrors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase of unrelated words works well.`}
        errors={form.fieldErrors.password}
      />
      <SubmitButton pending={form.pending} pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
