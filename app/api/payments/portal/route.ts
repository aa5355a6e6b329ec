import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { returnOrigin } from '@/lib/billing/checkout';
import { createPortalSession } from '@/lib/billing/portal';

/** POST /api/payments/portal → { success, url } of a Stripe billing portal session. */
export const POST = withUser(async (request, { session }) => {
  const url = await createPortalSession(session, returnOrigin(request.nextUrl.origin));
  return ok({ url });
});
