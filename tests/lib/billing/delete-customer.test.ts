import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { DELETE as deleteMe } from '@/app/api/auth/me/route';
import { asService } from '@/lib/db';
import { billingCustomers, profiles, subscriptions } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { call } from '../../support/http';
import { isolateBillingEnv, setBillingEnv } from './checkout/billing-env';
import { STRIPE_TEST_KEY } from './checkout/stripe-double';

const PASSWORD = 'correct horse battery';
let counter = 0;

/** Stripe's DELETE /v1/customers/:id at its HTTP contract; `answer` picks how it responds. */
class CustomerDeletionDouble {
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  answer: 'deleted' | 'missing' | 'outage' = 'deleted';
  private server: http.Server | null = null;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        this.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.requests.length}` });
          res.end(JSON.stringify(body));
        };
        const match = /^\/v1\/customers\/([^/]+)$/.exec(path);
        if (req.headers.authorization !== `Bearer ${STRIPE_TEST_KEY}`) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        if (req.method !== 'DELETE' || !match) return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
        if (this.answer === 'outage') return send(500, { error: { type: 'api_error', message: 'Something went wrong on our end' } });
        if (this.answer === 'missing') {
          return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${match[1]}'` } });
        }
        return send(200, { id: match[1], object: 'customer', deleted: true });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Account deletion (DELETE /api/auth/me) deletes the Stripe customer first, or refuses. */
describe('account deletion detaches the Stripe customer', () => {
  let database: TestDatabase;
  let stripe: CustomerDeletionDouble;
  let stripeBase: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stripe = new CustomerDeletionDouble();
    stripeBase = await stripe.start();
  });
  afterAll(async () => {
    await stripe.stop();
    await database.drop();
  });
  isolateBillingEnv();
  beforeEach(() => {
    stripe.requests.length = 0;
    stripe.answer = 'deleted';
    setBillingEnv({ STRIPE_SECRET_KEY: STRIPE_TEST_KEY, STRIPE_API_BASE: stripeBase });
  });

  /** A registered learner; with `customer`, a paying one (Stripe customer and active subscription). */
  async function signUp(options: { customer?: boolean } = {}) {
    const email = `delete-customer${++counter}-${Date.now()}@example.test`;
    const { json } = await call(register, { body: { email, password: PASSWORD, fullName: 'Paying Learner' } });
    const user = { email, id: json.user.id as string, token: json.token as string, customerId: `cus_test_delete_${counter}` };
    if (options.customer) {
      await asService('test-fixture', async (tx) => {
        await tx.insert(billingCustomers).values({ userId: user.id, stripeCustomerId: user.customerId });
        await tx.insert(subscriptions).values({
          userId: user.id,
          stripeCustomerId: user.customerId,
          stripeSubscriptionId: `sub_test_delete_${counter}`,
          planId: 'premium-monthly',
          status: 'active',
        });
      });
    }
    return user;
  }
  const deleteAccount = (token: string | undefined, password = PASSWORD) => call(deleteMe, { method: 'DELETE', body: { password }, bearer: token });
  const profileOf = (id: string) => asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, id)));
  const customerOf = (id: string) => asService('test', (tx) => tx.select().from(billingCustomers).where(eq(billingCustomers.userId, id)));

  it('deletes the Stripe customer, then the account', async () => {
    const user = await signUp({ customer: true });
    const { status } = await deleteAccount(user.token);
    expect(status).toBe(200);
    expect(stripe.requests).toEqual([{ method: 'DELETE', path: `/v1/customers/${user.customerId}`, authorization: `Bearer ${STRIPE_TEST_KEY}` }]);
    expect(await profileOf(user.id)).toEqual([]);
    expect(await customerOf(user.id)).toEqual([]);
  });

  it('refuses the deletion with 503 when Stripe fails, keeping the account and its customer', async () => {
    const user = await signUp({ customer: true });
    stripe.answer = 'outage';
    const { status, json } = await deleteAccount(user.token);
    expect(status).toBe(503);
    expect(json.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(json.error.message).toMatch(/not deleted/);
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v1/customers/${user.customerId}`]);
    expect(await profileOf(user.id)).toHaveLength(1);
    expect(await customerOf(user.id)).toHaveLength(1);
    expect((await call(login, { body: { email: user.email, password: PASSWORD } })).status).toBe(200);

    // Once Stripe is back, the same request succeeds.
    stripe.answer = 'deleted';
    expect((await deleteAccount(user.token)).status).toBe(200);
    expect(await profileOf(user.id)).toEqual([]);
  });

  it('goes ahead when Stripe no longer knows the customer', async () => {
    const user = await signUp({ customer: true });
    stripe.answer = 'missing';
    expect((await deleteAccount(user.token)).status).toBe(200);
    expect(stripe.requests).toHaveLength(1);
    expect(await profileOf(user.id)).toEqual([]);
  });

  it('checks the password before touching Stripe', async () => {
    const user = await signUp({ customer: true });
    expect((await deleteAccount(user.token, 'wrong password')).status).toBe(401);
    expect((await deleteAccount(undefined)).status).toBe(401);
    expect(stripe.requests).toEqual([]);
    expect(await customerOf(user.id)).toHaveLength(1);
  });

  it('does not call Stripe for a learner who never had a customer', async () => {
    const user = await signUp();
    expect((await deleteAccount(user.token)).status).toBe(200);
    expect(stripe.requests).toEqual([]);
    expect(await profileOf(user.id)).toEqual([]);
  });

  it('still deletes the account when billing is not configured', async () => {
    setBillingEnv({ STRIPE_SECRET_KEY: null, STRIPE_API_BASE: null });
    const user = await signUp({ customer: true });
    expect((await deleteAccount(user.token)).status).toBe(200);
    expect(stripe.requests).toEqual([]);
    expect(await profileOf(user.id)).toEqual([]);
    expect(await customerOf(user.id)).toEqual([]);
  });
});
