'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { useApiForm } from '@/hooks/use-api-form';
import { apiFetch } from '@/lib/api/client';
import { changeRoleSchema } from '@/lib/admin/users/schemas';
import type { AppRole } from '@/lib/admin/users/schemas';
import { ROLE_LABELS } from './user-badges';

/**
 * Role select: it offers only the roles this admin may assign (the server checks again, and the
 * database after it). The page refreshes after a change so every section shows the new role.
 */
export function RoleForm({ userId, role, options }: { userId: string; role: AppRole; options: AppRole[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useApiForm(
    changeRoleSchema,
    (values) => apiFetch<{ changed: boolean }>(`/api/admin/users/${userId}/role`, { method: 'PATCH', body: values }),
    {
      onSuccess: (result, values) => {
        setMessage(result.changed ? `Role changed to ${ROLE_LABELS[values.role].toLowerCase()}.` : `Already ${ROLE_LABELS[values.role].toLowerCase()}; nothing changed.`);
        router.refresh();
      },
    },
  );
  return (
    <form onSubmit={(e) => { setMessage(null); form.handleSubmit(e); }} noValidate className="space-y-3">
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {message && !form.formError ? <FormAlert tone="success">{message}</FormAlert> : null}
      <div>
        <label htmlFor="role-select" className="block text-sm font-medium text-slate-900">
          Role
        </label>
        <select
          id="role-select"
          name="role"
          defaultValue={role}
          aria-invalid={form.fieldErrors.role ? true : undefined}
          aria-describedby={form.fieldErrors.role ? 'role-select-error' : undefined}
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 sm:max-w-xs"
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        {form.fieldErrors.role ? (
          <p id="role-select-error" className="mt-1 text-sm text-rose-700">
            {form.fieldErrors.role[0]}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Change role
      </SubmitButton>
    </form>
  );
}
