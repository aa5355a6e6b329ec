'use client';

import { useMutation } from '@tanstack/react-query';
import { FormAlert } from '@/components/forms/form-alert';
import { apiFetch } from '@/lib/api/client';
import type { PlanId } from '@/lib/billing/plans';

/** Starts a Stripe Checkout for a plan and sends the browser there. */
export function PlanButton({ plan, label, disabled = false }: { plan: PlanId; label: string; disabled?: boolean }) {
  const start = useMutation({
    mutationFn: () => apiFetch<{ url: string }>('/api/payments/checkout', { body: { plan } }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const busy = start.isPending || start.isSuccess;
  return (
    <div className="space-y-2">
      {start.isError ? <FormAlert>{start.error.message}</FormAlert> : null}
      <button
        type="button"
        onClick={() => start.mutate()}
        disabled={disabled || busy}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700"
      >
        {busy ? 'Opening checkout…' : label}
      </button>
    </div>
  );
}
