import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const STRIPE_TEST_KEY = 'sk_test_x';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The form-encoded body, flat: `line_items[0][price]` → `price_monthly`. */
  form: Record<string, string>;
}

/**
 * Stripe at its HTTP contract, for the real `stripe` client: POST /v1/customers,
 * /v1/checkout/sessions and /v1/billing_portal/sessions. Checks the bearer key and records each
 * request so tests assert what Stripe would have received.
 */
export class StripeDouble {
  readonly requests: RecordedStripeRequest[] = [];
  private server: http.Server | null = null;
  private counter = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => this.handle(req, raw, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests to one endpoint, e.g. `/v1/customers`. */
  to(path: string): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const request: RecordedStripeRequest = {
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      form: Object.fromEntries(new URLSearchParams(raw)),
    };
    this.requests.push(request);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.counter}` });
      res.end(JSON.stringify(body));
    };
    if (request.authorization !== `Bearer ${STRIPE_TEST_KEY}`) {
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    const n = ++this.counter;
    if (req.method === 'POST' && path === '/v1/customers') {
      return send(200, { id: `cus_test_${n}`, object: 'customer', email: request.form.email ?? null, metadata: {} });
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      return send(200, { id: `cs_test_${n}`, object: 'checkout.session', url: `https://checkout.stripe.test/c/cs_test_${n}` });
    }
    if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
      return send(200, { id: `bps_test_${n}`, object: 'billing_portal.session', url: `https://billing.stripe.test/p/bps_test_${n}` });
    }
    return send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } });
  }
}
