import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { createCheckoutSession, returnOrigin } from '@/lib/billing/checkout';
import { checkoutSchema } from '@/lib/billing/schemas';
import { recordEvent } from '@/lib/analytics/record-event';

/** POST /api/payments/checkout { plan } → { success, url } of a Stripe Checkout session. */
export const POST = withUser(async (request, { session }) => {
  const { plan } = await parseJsonBody(request, checkoutSchema);
  const url = await createCheckoutSession(session, plan, returnOrigin(request.nextUrl.origin));
  await recordEvent({ name: 'checkout_started', userId: session.user.id, properties: { plan } });
  return ok({ url });
});
