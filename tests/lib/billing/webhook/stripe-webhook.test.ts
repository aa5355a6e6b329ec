import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { POST } from '@/app/api/webhooks/stripe/route';
import { syncTier } from '@/lib/billing/sync-tier';
import { asService } from '@/lib/db';
import { billingCustomers, profiles, stripeEvents, subscriptions } from '@/lib/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { captureLogs } from '../../observability/log-capture';

const SECRET = 'whsec_test';
const ENV_KEYS = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE', 'STRIPE_PRICE_MONTHLY', 'STRIPE_PRICE_YEARLY'] as const;
const DAY = 24 * 60 * 60;

/** A local Stripe API double: GET /v1/subscriptions/:id and /v1/invoices/:id from maps the tests control. */
class StripeDouble {
  readonly subscriptions = new Map<string, Record<string, unknown>>();
  readonly invoices = new Map<string, Record<string, unknown>>();
  readonly requests: string[] = [];
  failWith: number | null = null;
  private server = http.createServer((req, res) => {
    this.requests.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_double' });
      res.end(JSON.stringify(body));
    };
    if (this.failWith) return send(this.failWith, { error: { type: 'api_error', message: 'double failure' } });
    const match = /^\/v1\/(subscriptions|invoices)\/([^/?]+)/.exec(req.url ?? '');
    const found = match && req.method === 'GET' ? this[match[1] as 'subscriptions' | 'invoices'].get(decodeURIComponent(match[2]!)) : undefined;
    if (!found) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: ${req.url}` } });
    send(200, found);
  });
  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
  fetchesOf(path: string) {
    return this.requests.filter((r) => r.startsWith(`GET ${path}`)).length;
  }
}

let seq = 0;
const now = () => Math.floor(Date.now() / 1000);

function stripeSubscription(id: string, customer: string, overrides: Record<string, unknown> = {}, price = 'price_monthly') {
  const start = now() - DAY;
  return {
    id,
    object: 'subscription',
    customer,
    status: 'active',
    cancel_at_period_end: false,
    metadata: {},
    items: {
      object: 'list',
      data: [{ id: `si_${id}`, object: 'subscription_item', price: { id: price, object: 'price' }, current_period_start: start, current_period_end: start + 30 * DAY }],
    },
    ...overrides,
  };
}

function eventOf(type: string, object: Record<string, unknown>, id = `evt_${++seq}_${Date.now()}`) {
  return { id, object: 'event', type, created: now(), api_version: '2025-10-29.clover', livemode: false, pending_webhooks: 1, request: null, data: { object } };
}

function sign(payload: string, secret = SECRET) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}

async function deliver(event: object, options: { signature?: string | null; body?: string } = {}) {
  const payload = JSON.stringify(event);
  const signature = options.signature === undefined ? sign(payload) : options.signature;
  return call(POST, {
    method: 'POST',
    path: '/api/webhooks/stripe',
    rawBody: options.body ?? payload,
    headers: signature === null ? {} : { 'stripe-signature': signature },
  });
}

async function tierOf(userId: string) {
  const [row] = await asService('test', (tx) =>
    tx.select({ tier: profiles.subscriptionTier, status: profiles.subscriptionStatus }).from(profiles).where(eq(profiles.id, userId)),
  );
  return row!;
}

async function subscriptionRow(stripeId: string) {
  const rows = await asService('test', (tx) => tx.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stripeId)));
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

async function eventRows(id: string) {
  return asService('test', (tx) => tx.select().from(stripeEvents).where(eq(stripeEvents.id, id)));
}

/** A learner with a Stripe customer and subscription id, and the subscription in the double. */
async function subscriber(double: StripeDouble, overrides: Record<string, unknown> = {}) {
  const user = await createTestUser();
  const n = ++seq;
  const customer = `cus_${n}`;
  const subId = `sub_${n}`;
  double.subscriptions.set(subId, stripeSubscription(subId, customer, { metadata: { user_id: user.id }, ...overrides }));
  return { user, customer, subId };
}

describe('POST /api/webhooks/stripe', () => {
  let database: TestDatabase;
  const double = new StripeDouble();
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    const port = await double.start();
    process.env.STRIPE_SECRET_KEY = 'sk_test_x';
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    process.env.STRIPE_API_BASE = `http://127.0.0.1:${port}`;
    process.env.STRIPE_PRICE_MONTHLY = 'price_monthly';
    process.env.STRIPE_PRICE_YEARLY = 'price_yearly';
    resetEnvForTests();
    logs = captureLogs();
  });
  afterAll(async () => {
    logs.stop();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvForTests();
    await double.stop();
    await database.drop();
  });
  afterEach(() => {
    double.failWith = null;
  });

  describe('verification', () => {
    it('answers 503 BILLING_NOT_CONFIGURED without a webhook secret or a secret key', async () => {
      for (const key of ['STRIPE_WEBHOOK_SECRET', 'STRIPE_SECRET_KEY'] as const) {
        const value = process.env[key];
        delete process.env[key];
        resetEnvForTests();
        try {
          const response = await deliver(eventOf('invoice.paid', { id: 'in_x', object: 'invoice' }));
          expect(response.status).toBe(503);
          expect(response.json.error.code).toBe('BILLING_NOT_CONFIGURED');
        } finally {
          process.env[key] = value;
          resetEnvForTests();
        }
      }
    });

    it('refuses a missing, wrong or stale signature and a tampered body with 400 INVALID_SIGNATURE', async () => {
      const event = eventOf('customer.subscription.created', stripeSubscription('sub_forged', 'cus_forged'));
      const payload = JSON.stringify(event);
      const tampered = payload.replace('"status":"active"', '"status":"trialing"');
      expect(tampered).not.toBe(payload);
      const stale = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: now() - 3600 });
      const attempts = [
        await deliver(event, { signature: null }),
        await deliver(event, { signature: sign(payload, 'whsec_other') }),
        await deliver(event, { signature: 't=1,v1=deadbeef' }),
        await deliver(event, { signature: stale }),
        await deliver(event, { signature: sign(payload), body: tampered }),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(400);
        expect(attempt.json).toMatchObject({ success: false, error: { code: 'INVALID_SIGNATURE' } });
      }
      expect(await eventRows(event.id)).toHaveLength(0);
      expect(double.fetchesOf('/v1/subscriptions/sub_forged')).toBe(0);
    });
  });

  it('acknowledges an unhandled type with 200 ignored and records nothing', async () => {
    const event = eventOf('customer.created', { id: 'cus_ignored', object: 'customer' });
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ success: true, ignored: true });
    expect(await eventRows(event.id)).toHaveLength(0);
  });

  it('customer.subscription.created records the subscription from Stripe, maps the customer and grants premium', async () => {
    const { user, customer, subId } = await subscriber(double);
    // The event's copy is stale on purpose: the handler must use what Stripe answers now.
    const event = eventOf('customer.subscription.created', stripeSubscription(subId, customer, { status: 'incomplete', metadata: { user_id: user.id } }));
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ success: true, received: true });
    expect(double.fetchesOf(`/v1/subscriptions/${subId}`)).toBe(1);

    const row = await subscriptionRow(subId);
    const item = (double.subscriptions.get(subId)!.items as { data: { current_period_end: number; current_period_start: number }[] }).data[0]!;
    expect(row).toMatchObject({ userId: user.id, stripeCustomerId: customer, planId: 'premium-monthly', status: 'active', cancelAtPeriodEnd: false, pastDueSince: null });
    expect(row!.currentPeriodStart!.getTime()).toBe(item.current_period_start * 1000);
    expect(row!.currentPeriodEnd!.getTime()).toBe(item.current_period_end * 1000);
    expect(await tierOf(user.id)).toEqual({ tier: 'premium', status: 'active' });
    const mapping = await asService('test', (tx) => tx.select().from(billingCustomers).where(eq(billingCustomers.userId, user.id)));
    expect(mapping).toMatchObject([{ stripeCustomerId: customer }]);
    expect(await eventRows(event.id)).toMatchObject([{ type: 'customer.subscription.created' }]);
  });

  it('reads the period from the subscription itself on older API versions, and maps the yearly price', async () => {
    const user = await createTestUser();
    const start = now() - DAY;
    const legacy = { ...stripeSubscription('sub_legacy', 'cus_legacy', { metadata: { user_id: user.id } }, 'price_yearly'), current_period_start: start, current_period_end: start + 365 * DAY };
    delete (legacy.items.data[0] as Record<string, unknown>).current_period_start;
    delete (legacy.items.data[0] as Record<string, unknown>).current_period_end;
    double.subscriptions.set('sub_legacy', legacy);
    expect((await deliver(eventOf('customer.subscription.updated', legacy))).status).toBe(200);
    const row = await subscriptionRow('sub_legacy');
    expect(row).toMatchObject({ planId: 'premium-yearly', status: 'active' });
    expect(row!.currentPeriodEnd!.getTime()).toBe((start + 365 * DAY) * 1000);
  });

  it('checkout.session.completed fetches the new subscription and assigns it to client_reference_id', async () => {
    const user = await createTestUser();
    double.subscriptions.set('sub_checkout', stripeSubscription('sub_checkout', 'cus_checkout', {}, 'price_unknown'));
    const session = { id: 'cs_1', object: 'checkout.session', mode: 'subscription', customer: 'cus_checkout', subscription: 'sub_checkout', client_reference_id: user.id };
    const response = await deliver(eventOf('checkout.session.completed', session));
    expect(response.status).toBe(200);
    expect(await subscriptionRow('sub_checkout')).toMatchObject({ userId: user.id, planId: 'price_unknown', status: 'active' });
    expect(await tierOf(user.id)).toMatchObject({ tier: 'premium' });
    const mapping = await asService('test', (tx) => tx.select().from(billingCustomers).where(eq(billingCustomers.stripeCustomerId, 'cus_checkout')));
    expect(mapping).toMatchObject([{ userId: user.id }]);
  });

  it('applies the same event delivered 10 times once', async () => {
    const { user, customer, subId } = await subscriber(double);
    const event = eventOf('customer.subscription.updated', stripeSubscription(subId, customer, { metadata: { user_id: user.id } }));
    const first = await deliver(event);
    expect(first.json).toMatchObject({ success: true, received: true });
    const after = await subscriptionRow(subId);

    // Stripe changes meanwhile, but replays of the old event must not apply anything.
    double.subscriptions.set(subId, stripeSubscription(subId, customer, { status: 'canceled', metadata: { user_id: user.id } }));
    for (let i = 0; i < 9; i++) {
      const replay = await deliver(event);
      expect(replay.status).toBe(200);
      expect(replay.json).toEqual({ success: true, duplicate: true });
    }
    expect(await eventRows(event.id)).toHaveLength(1);
    expect(double.fetchesOf(`/v1/subscriptions/${subId}`)).toBe(1);
    expect(await subscriptionRow(subId)).toEqual(after);
    expect(await tierOf(user.id)).toMatchObject({ tier: 'premium' });
  });

  it('ends in the right state when updated arrives before created', async () => {
    const { user, customer, subId } = await subscriber(double, { cancel_at_period_end: true });
    const meta = { metadata: { user_id: user.id } };
    const updated = eventOf('customer.subscription.updated', stripeSubscription(subId, customer, { ...meta, cancel_at_period_end: true }));
    const created = eventOf('customer.subscription.created', stripeSubscription(subId, customer, { ...meta, status: 'incomplete' }));
    expect((await deliver(updated)).status).toBe(200);
    expect((await deliver(created)).status).toBe(200);
    expect(await subscriptionRow(subId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(await tierOf(user.id)).toMatchObject({ tier: 'premium' });
  });

  it('keeps premium through cancel-at-period-end, and drops it when Stripe deletes the subscription', async () => {
    const { user, customer, subId } = await subscriber(double);
    const meta = { metadata: { user_id: user.id } };
    await deliver(eventOf('customer.subscription.created', stripeSubscription(subId, customer, meta)));

    double.subscriptions.set(subId, stripeSubscription(subId, customer, { ...meta, cancel_at_period_end: true }));
    await deliver(eventOf('customer.subscription.updated', double.subscriptions.get(subId)!));
    expect(await subscriptionRow(subId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(await tierOf(user.id)).toMatchObject({ tier: 'premium', status: 'active' });

    double.subscriptions.set(subId, stripeSubscription(subId, customer, { ...meta, status: 'canceled', cancel_at_period_end: true }));
    const deleted = await deliver(eventOf('customer.subscription.deleted', double.subscriptions.get(subId)!));
    expect(deleted.status).toBe(200);
    expect(await subscriptionRow(subId)).toMatchObject({ status: 'canceled' });
    expect(await tierOf(user.id)).toEqual({ tier: 'free', status: 'canceled' });
  });

  it('payment failure: past_due keeps premium for the grace period, then free; invoice.paid restores premium', async () => {
    const { user, customer, subId } = await subscriber(double);
    const meta = { metadata: { user_id: user.id } };
    await deliver(eventOf('customer.subscription.created', stripeSubscription(subId, customer, meta)));

    const invoice = { id: `in_${subId}`, object: 'invoice', customer, parent: { type: 'subscription_details', subscription_details: { subscription: subId, metadata: null } } };
    double.invoices.set(invoice.id, invoice);
    double.subscriptions.set(subId, stripeSubscription(subId, customer, { ...meta, status: 'past_due' }));
    const failed = await deliver(eventOf('invoice.payment_failed', invoice));
    expect(failed.status).toBe(200);
    expect(double.fetchesOf(`/v1/invoices/${invoice.id}`)).toBe(1);
    const pastDue = await subscriptionRow(subId);
    expect(pastDue).toMatchObject({ status: 'past_due' });
    expect(pastDue!.pastDueSince).toBeInstanceOf(Date);
    expect(await tierOf(user.id)).toEqual({ tier: 'premium', status: 'past_due' });

    // A second failure (a retry of the charge) keeps the original start of the grace period.
    await deliver(eventOf('invoice.payment_failed', invoice));
    expect((await subscriptionRow(subId))!.pastDueSince).toEqual(pastDue!.pastDueSince);

    // Past the grace period the tier falls to free.
    const fourDaysAgo = new Date(Date.now() - 4 * DAY * 1000);
    const tier = await asService('test', async (tx) => {
      await tx.update(subscriptions).set({ pastDueSince: fourDaysAgo }).where(eq(subscriptions.stripeSubscriptionId, subId));
      return syncTier(tx, user.id);
    });
    expect(tier).toBe('free');
    expect(await tierOf(user.id)).toEqual({ tier: 'free', status: 'past_due' });

    double.subscriptions.set(subId, stripeSubscription(subId, customer, meta));
    const paid = await deliver(eventOf('invoice.paid', invoice));
    expect(paid.status).toBe(200);
    expect(await subscriptionRow(subId)).toMatchObject({ status: 'active', pastDueSince: null });
    expect(await tierOf(user.id)).toEqual({ tier: 'premium', status: 'active' });
  });

  it('records events for unknown customers and answers 200 without writing a subscription', async () => {
    double.subscriptions.set('sub_nobody', stripeSubscription('sub_nobody', 'cus_nobody', { metadata: { user_id: '00000000-0000-4000-8000-000000000000' } }));
    const event = eventOf('customer.subscription.created', double.subscriptions.get('sub_nobody')!);
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(await eventRows(event.id)).toHaveLength(1);
    expect(await subscriptionRow('sub_nobody')).toBeUndefined();
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', eventId: event.id, msg: expect.stringContaining('unknown customer') }),
    );

    const session = { id: 'cs_nobody', object: 'checkout.session', mode: 'subscription', customer: 'cus_nobody', subscription: 'sub_nobody', client_reference_id: 'not-a-uuid' };
    expect((await deliver(eventOf('checkout.session.completed', session))).status).toBe(200);
  });

  it('rolls the event record back when applying fails, so Stripe’s retry is applied', async () => {
    const { user, customer, subId } = await subscriber(double);
    const event = eventOf('customer.subscription.updated', stripeSubscription(subId, customer, { metadata: { user_id: user.id } }));
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      double.failWith = 500;
      const failed = await deliver(event);
      expect(failed.status).toBe(500);
      expect(await eventRows(event.id)).toHaveLength(0);
      expect(await subscriptionRow(subId)).toBeUndefined();
    } finally {
      errors.mockRestore();
    }
    double.failWith = null;
    const retried = await deliver(event);
    expect(retried.json).toMatchObject({ success: true, received: true });
    expect(await subscriptionRow(subId)).toMatchObject({ status: 'active' });
  });
});
