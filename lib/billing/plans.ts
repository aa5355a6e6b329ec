/**
 * The premium plans, defined once: the pricing page, checkout and settings read this. Price ids
 * come from the environment (STRIPE_PRICE_MONTHLY / STRIPE_PRICE_YEARLY); amounts are shown as
 * configured here and must match the Stripe prices (integer cents).
 */
export const PLAN_IDS = ['premium-monthly', 'premium-yearly'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Plan {
  id: PlanId;
  name: string;
  interval: 'month' | 'year';
  amountCents: number;
  currency: 'usd';
  priceEnv: 'STRIPE_PRICE_MONTHLY' | 'STRIPE_PRICE_YEARLY';
}

export const PLANS: Record<PlanId, Plan> = {
  'premium-monthly': { id: 'premium-monthly', name: 'Premium monthly', interval: 'month', amountCents: 900, currency: 'usd', priceEnv: 'STRIPE_PRICE_MONTHLY' },
  'premium-yearly': { id: 'premium-yearly', name: 'Premium yearly', interval: 'year', amountCents: 7900, currency: 'usd', priceEnv: 'STRIPE_PRICE_YEARLY' },
};

/** What premium unlocks, for the pricing page. */
export const PREMIUM_BENEFITS = [
  'Every premium quest: advanced tracks in web, data, security, Python, tooling and DevOps',
  'All quizzes and hands-on tasks, graded as you go',
  'XP, levels, streaks and achievements across the whole catalog',
  'Cancel any time; your progress stays with your account',
] as const;

/** A past_due subscription keeps premium this long before access closes. */
export const PAST_DUE_GRACE_DAYS = 3;

export function formatPrice(plan: Plan): string {
  return `$${(plan.amountCents / 100).toFixed(plan.amountCents % 100 ? 2 : 0)} / ${plan.interval}`;
}
