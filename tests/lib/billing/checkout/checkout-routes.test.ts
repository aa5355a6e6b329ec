import { eq } from 'drizzle-orm';
import { POST as checkout } from '@/app/api/payments/checkout/route';
import { POST as portal } from '@/app/api/payments/portal/route';
import { asService } from '@/lib/db';
import { billingCustomers, subscriptions } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';
import { isolateBillingEnv, setBillingEnv } from './billing-env';
import { STRIPE_TEST_KEY, StripeDouble } from './stripe-double';

/** Checkout and the billing portal: the real `stripe` client against a local Stripe double. */
describe('payments: checkout and billing portal', () => {
  let database: TestDatabase;
  let stripe: StripeDouble;
  let stripeBase: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stripe = new StripeDouble();
    stripeBase = await stripe.start();
  });
  afterAll(async () => {
    await stripe.stop();
    await database.drop();
  });
  isolateBillingEnv();
  beforeEach(() => {
    stripe.requests.length = 0;
    setBillingEnv({
      STRIPE_SECRET_KEY: STRIPE_TEST_KEY,
      STRIPE_API_BASE: stripeBase,
      STRIPE_PRICE_MONTHLY: 'price_monthly',
      STRIPE_PRICE_YEARLY: 'price_yearly',
      APP_URL: null,
    });
  });

  const checkoutAs = (token: string | undefined, body: unknown) =>
    call(checkout, { path: '/api/payments/checkout', bearer: token, body });
  const portalAs = (token: string | undefined) => call(portal, { path: '/api/payments/portal', bearer: token, body: {} });
  const mappingOf = (userId: string) =>
    asService('test', (tx) => tx.select().from(billingCustomers).where(eq(billingCustomers.userId, userId)));

  it('creates the Stripe customer once and reuses it on a second checkout', async () => {
    const user = await createTestUser();
    const token = await tokenFor(user);

    const first = await checkoutAs(token, { plan: 'premium-monthly' });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ success: true, url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\/c\/cs_test_/) });

    const [customerRequest] = stripe.to('/v1/customers');
    expect(customerRequest).toMatchObject({
      method: 'POST',
      authorization: `Bearer ${STRIPE_TEST_KEY}`,
      form: { email: user.email, 'metadata[user_id]': user.id },
    });
    const mapping = await mappingOf(user.id);
    expect(mapping).toHaveLength(1);
    const customerId = mapping[0]!.stripeCustomerId;

    const [session] = stripe.to('/v1/checkout/sessions');
    expect(session!.authorization).toBe(`Bearer ${STRIPE_TEST_KEY}`);
    expect(session!.form).toMatchObject({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: user.id,
      'line_items[0][price]': 'price_monthly',
      'line_items[0][quantity]': '1',
      'subscription_data[metadata][user_id]': user.id,
      success_url: 'http://localhost/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost/billing/cancel',
      allow_promotion_codes: 'true',
    });

    const second = await checkoutAs(token, { plan: 'premium-yearly' });
    expect(second.status).toBe(200);
    expect(stripe.to('/v1/customers')).toHaveLength(1);
    const sessions = stripe.to('/v1/checkout/sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions[1]!.form).toMatchObject({ customer: customerId, 'line_items[0][price]': 'price_yearly' });
    expect(await mappingOf(user.id)).toHaveLength(1);
  });

  it('sends Stripe back to APP_URL when it is configured', async () => {
    setBillingEnv({ APP_URL: 'https://workfree.example' });
    const token = await tokenFor(await createTestUser());
    expect((await checkoutAs(token, { plan: 'premium-yearly' })).status).toBe(200);
    expect(stripe.to('/v1/checkout/sessions')[0]!.form).toMatchObject({
      success_url: 'https://workfree.example/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://workfree.example/billing/cancel',
    });
  });

  it('keeps one customer mapping when two checkouts race', async () => {
    const user = await createTestUser();
    const token = await tokenFor(user);
    const [a, b] = await Promise.all([checkoutAs(token, { plan: 'premium-monthly' }), checkoutAs(token, { plan: 'premium-monthly' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const mapping = await mappingOf(user.id);
    expect(mapping).toHaveLength(1);
    const customers = new Set(stripe.to('/v1/checkout/sessions').map((r) => r.form.customer));
    expect([...customers]).toEqual([mapping[0]!.stripeCustomerId]);
  });

  it('answers 400 naming plan for an unknown plan, without calling Stripe', async () => {
    const token = await tokenFor(await createTestUser());
    const { status, json } = await checkoutAs(token, { plan: 'premium-forever' });
    expect(status).toBe(400);
    expect(json.error.code).toBe('VALIDATION_ERROR');
    expect(json.error.message).toContain('plan');
    expect(json.error.fields.plan).toBeDefined();
    expect(stripe.requests).toHaveLength(0);
  });

  it('answers 401 to a signed-out caller', async () => {
    expect((await checkoutAs(undefined, { plan: 'premium-monthly' })).status).toBe(401);
    expect((await portalAs(undefined)).status).toBe(401);
    expect(stripe.requests).toHaveLength(0);
  });

  it('answers 503 BILLING_NOT_CONFIGURED without a Stripe key', async () => {
    setBillingEnv({ STRIPE_SECRET_KEY: null });
    const token = await tokenFor(await createTestUser());
    const started = await checkoutAs(token, { plan: 'premium-monthly' });
    expect(started.status).toBe(503);
    expect(started.json.error.code).toBe('BILLING_NOT_CONFIGURED');
    const managed = await portalAs(token);
    expect(managed.status).toBe(503);
    expect(managed.json.error.code).toBe('BILLING_NOT_CONFIGURED');
    expect(stripe.requests).toHaveLength(0);
  });

  it('answers 503 naming the price variable when a plan has no price', async () => {
    setBillingEnv({ STRIPE_PRICE_YEARLY: null });
    const token = await tokenFor(await createTestUser());
    const { status, json } = await checkoutAs(token, { plan: 'premium-yearly' });
    expect(status).toBe(503);
    expect(json.error.message).toContain('STRIPE_PRICE_YEARLY');
    expect(stripe.requests).toHaveLength(0);
  });

  it('answers 409 to a learner whose subscription already gives premium', async () => {
    const user = await createTestUser({ tier: 'premium' });
    await asService('test', (tx) =>
      tx.insert(subscriptions).values({
        userId: user.id,
        stripeCustomerId: 'cus_existing',
        stripeSubscriptionId: 'sub_existing',
        planId: 'premium-monthly',
        status: 'active',
        currentPeriodEnd: new Date(Date.now() + 20 * 24 * 60 * 60 * 1000),
      }),
    );
    const { status, json } = await checkoutAs(await tokenFor(user), { plan: 'premium-yearly' });
    expect(status).toBe(409);
    expect(json.error.code).toBe('CONFLICT');
    expect(json.error.message).toMatch(/billing portal/);
    expect(stripe.to('/v1/checkout/sessions')).toHaveLength(0);
  });

  it('answers 409 from the portal before any checkout, and a portal url after one', async () => {
    const user = await createTestUser();
    const token = await tokenFor(user);

    const before = await portalAs(token);
    expect(before.status).toBe(409);
    expect(before.json.error.code).toBe('CONFLICT');
    expect(stripe.requests).toHaveLength(0);

    await checkoutAs(token, { plan: 'premium-monthly' });
    const stripeCustomerId = (await mappingOf(user.id))[0]?.stripeCustomerId;
    expect(stripeCustomerId).toMatch(/^cus_test_/);
    const after = await portalAs(token);
    expect(after.status).toBe(200);
    expect(after.json).toEqual({ success: true, url: expect.stringMatching(/^https:\/\/billing\.stripe\.test\/p\/bps_test_/) });
    const [request] = stripe.to('/v1/billing_portal/sessions');
    expect(request).toMatchObject({
      authorization: `Bearer ${STRIPE_TEST_KEY}`,
      form: { customer: stripeCustomerId, return_url: 'http://localhost/settings#billing' },
    });
  });
});
