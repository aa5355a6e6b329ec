import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { requireSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Payment received' };
export const dynamic = 'force-dynamic';

/**
 * Where Stripe Checkout returns after paying. It grants nothing: the webhook applies the
 * subscription once Stripe confirms it, and the session's tier follows on the next refresh.
 */
export default async function BillingSuccessPage() {
  const { user } = await requireSession('/billing/success');
  const premium = user.tier === 'premium';
  return (
    <div className="mx-auto max-w-2xl space-y-5 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Thank you!</h1>
      <p className="text-slate-700">
        {premium
          ? 'Premium is active on your account. Every premium quest is open.'
          : 'We are confirming your payment with Stripe. Premium appears on your account within a moment; reload this page or open a premium quest shortly.'}
      </p>
      <p className="flex items-center gap-2 text-sm text-slate-600">
        Your plan now: <Badge tone={premium ? 'brand' : 'neutral'}>{premium ? 'Premium' : 'Free (confirming…)'}</Badge>
      </p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/quests?tier=premium">Browse premium quests</ButtonLink>
        <ButtonLink href="/settings#billing" variant="secondary">
          Billing settings
        </ButtonLink>
      </div>
    </div>
  );
}
