'use client';

import { useMutation } from '@tanstack/react-query';
import { FormAlert } from '@/components/forms/form-alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { apiFetch } from '@/lib/api/client';
import type { BillingOverview } from '@/lib/billing/queries';
import { formatPrice } from '@/lib/billing/plans';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

function ManageBillingButton() {
  const open = useMutation({
    mutationFn: () => apiFetch<{ url: string }>('/api/payments/portal', { body: {} }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const busy = open.isPending || open.isSuccess;
  return (
    <div className="space-y-2">
      {open.isError ? <FormAlert>{open.error.message}</FormAlert> : null}
      <button
        type="button"
        onClick={() => open.mutate()}
        disabled={busy}
        className="min-h-11 rounded-lg px-4 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50 disabled:opacity-70"
      >
        {busy ? 'Opening billing portal…' : 'Manage billing'}
      </button>
    </div>
  );
}

/** Settings → Billing: the plan, its status and dates, and the way to manage or upgrade it. */
export function BillingSection({ overview }: { overview: BillingOverview }) {
  const { configured, plan, status, tier, renewsAt, endsAt, hasCustomer } = overview;
  return (
    <div className="space-y-4 text-sm">
      {!configured ? <FormAlert tone="info">Billing is not configured on this server.</FormAlert> : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Plan</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <Badge tone={tier === 'premium' ? 'brand' : 'neutral'}>{tier === 'premium' ? 'Premium' : 'Free'}</Badge>
          {plan ? <span className="text-slate-700">{`${plan.name} · ${formatPrice(plan)}`}</span> : null}
        </dd>
        {status ? (
          <>
            <dt className="font-medium text-slate-700">Status</dt>
            <dd className="text-slate-700">{status.replace(/_/g, ' ')}</dd>
          </>
        ) : null}
        {renewsAt ? (
          <>
            <dt className="font-medium text-slate-700">Renews on</dt>
            <dd className="text-slate-700">{dateFormat.format(new Date(renewsAt))}</dd>
          </>
        ) : null}
        {endsAt ? (
          <>
            <dt className="font-medium text-slate-700">Ends on</dt>
            <dd className="text-slate-700">{dateFormat.format(new Date(endsAt))} (canceled; resume it in the billing portal)</dd>
          </>
        ) : null}
      </dl>
      {configured && hasCustomer ? <ManageBillingButton /> : null}
      {configured && tier !== 'premium' ? <ButtonLink href="/pricing">Upgrade</ButtonLink> : null}
    </div>
  );
}
