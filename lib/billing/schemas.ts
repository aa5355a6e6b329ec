import { z } from 'zod';
import { PLAN_IDS } from './plans';

/** POST /api/payments/checkout: which premium plan to buy. */
export const checkoutSchema = z.object({
  plan: z.enum(PLAN_IDS, { message: `plan must be one of ${PLAN_IDS.join(', ')}` }),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;
