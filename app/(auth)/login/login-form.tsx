'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { loginSchema } from '@/lib/auth/schemas';

export function LoginForm({ next }: { next: string | null }) {
  const router = useRouter();
  const form = useApiForm(loginSchema, (values) => apiFetch('/api/auth/login', { body: values }), {
    onSuccess: () => {
      router.replace(next ?? '/dashboard');
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={form.handleSubmit} noValidate className="mt-6 space-y-4">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField name="email" label="Email" type="email" autoComplete="email" required errors={form.fieldErrors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={form.fieldErrors.password}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
        <SubmitButton pending={form.pending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </div>
    </form>
  );
}
