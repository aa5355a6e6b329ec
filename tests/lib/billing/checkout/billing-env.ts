import { resetEnvForTests } from '@/lib/env';

const KEYS = ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_PRICE_MONTHLY', 'STRIPE_PRICE_YEARLY', 'APP_URL'] as const;
type BillingEnvKey = (typeof KEYS)[number];

/** Saves the billing variables before each test and puts them back after; the env cache follows. */
export function isolateBillingEnv(): void {
  let saved: Partial<Record<BillingEnvKey, string | undefined>> = {};
  beforeEach(() => {
    saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  });
  afterEach(() => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvForTests();
  });
}

/** Sets (string) or unsets (null) billing variables, then forgets the cached env. */
export function setBillingEnv(values: Partial<Record<BillingEnvKey, string | null>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
}
