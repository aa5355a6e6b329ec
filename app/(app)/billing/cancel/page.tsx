import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button-link';

export const metadata: Metadata = { title: 'Checkout canceled' };

/** Where Stripe Checkout returns when the learner backs out. */
export default function BillingCancelPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-5 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Checkout canceled</h1>
      <p className="text-slate-700">Nothing was charged. You can pick a plan again whenever you like; your free quests and progress are unchanged.</p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/pricing">Back to pricing</ButtonLink>
        <ButtonLink href="/quests" variant="secondary">
          Browse quests
        </ButtonLink>
      </div>
    </div>
  );
}
