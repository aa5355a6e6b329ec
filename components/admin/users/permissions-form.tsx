'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { setPermissionsSchema } from '@/lib/admin/users/schemas';
import { ADMIN_PERMISSIONS, type AdminPermission } from '@/lib/auth/permissions';

const DESCRIPTIONS: Record<AdminPermission, string> = {
  'create:quests': 'Create quests and achievements',
  'update:quests': 'Edit, publish and archive quests; edit and award achievements',
  'delete:quests': 'Delete quests and achievements',
  'manage:users': 'Find users, change learner roles, suspend and reinstate learners',
  'view:analytics': 'Read the analytics dashboard and export it',
};

/**
 * What an admin may do (super admins only): every admin permission, including any added later, or
 * just the ones ticked. Checkboxes rather than the generic form hook, which reads one value a name.
 */
export function PermissionsForm({ userId, current }: { userId: string; current: string[] | null }) {
  const router = useRouter();
  const [mode, setMode] = useState<'all' | 'some'>(current === null ? 'all' : 'some');
  const [checked, setChecked] = useState<Set<string>>(new Set(current ?? ADMIN_PERMISSIONS));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (adminPermissions: AdminPermission[] | null) =>
      apiFetch<{ changed: boolean }>(`/api/admin/users/${userId}/permissions`, { method: 'PATCH', body: { adminPermissions } }),
    onSuccess: () => router.refresh(),
    onError: (e) => setError(e instanceof ApiRequestError ? e.body.message : 'Something went wrong. Please try again.'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = setPermissionsSchema.safeParse({ adminPermissions: mode === 'all' ? null : ADMIN_PERMISSIONS.filter((p) => checked.has(p)) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the permissions');
    save.mutate(parsed.data.adminPermissions);
  }

  const toggle = (permission: string) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(permission)) next.delete(permission);
      else next.add(permission);
      return next;
    });

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      {save.isSuccess && !error ? <FormAlert tone="success">{save.data.changed ? 'Permissions saved.' : 'Nothing changed.'}</FormAlert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Access</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name="mode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} className="size-4 accent-brand-600" />
          Every admin permission (including ones added later)
        </label>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name="mode" value="some" checked={mode === 'some'} onChange={() => setMode('some')} className="size-4 accent-brand-600" />
          Only the permissions ticked below
        </label>
      </fieldset>
      <fieldset disabled={mode === 'all'} className="space-y-1 disabled:opacity-60">
        <legend className="text-sm font-medium text-slate-900">Permissions</legend>
        {ADMIN_PERMISSIONS.map((permission) => (
          <label key={permission} className="flex min-h-11 items-start gap-3 py-1 text-sm">
            <input
              type="checkbox"
              name="adminPermissions"
              value={permission}
              checked={mode === 'all' || checked.has(permission)}
              onChange={() => toggle(permission)}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>
              <code className="font-semibold text-slate-900">{permission}</code>
              <span className="block text-slate-600">{DESCRIPTIONS[permission]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={save.isPending} pendingLabel="Saving…">
        Save permissions
      </SubmitButton>
    </form>
  );
}
