import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asService } from '@/lib/db';
import { mailOutbox } from '@/lib/db/schema';
import { MailDeliveryError, mailProvider, sendMail } from '@/lib/mail';
import { latestMailTo } from '@/lib/mail/outbox';
import { passwordResetEmail, verificationEmail } from '@/lib/mail/templates';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { isolateMailEnv, setMailEnv } from './mail-env';
import { SendGridDouble } from './sendgrid-double';

const API_KEY = 'SG.test-key.for-the-double';

/** SendGrid at its HTTP contract: the real @sendgrid/mail client against a local double. */
describe('mail through SendGrid', () => {
  let database: TestDatabase;
  let sendgrid: SendGridDouble;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sendgrid = new SendGridDouble();
    baseUrl = await sendgrid.start();
  });
  afterAll(async () => {
    await sendgrid.stop();
    await database.drop();
  });
  isolateMailEnv();
  beforeEach(() => {
    sendgrid.requests.length = 0;
    setMailEnv({ SENDGRID_API_KEY: API_KEY, SENDGRID_API_URL: baseUrl });
  });

  it('posts the mail to /v3/mail/send with the key, and logs the message id without the body', async () => {
    sendgrid.reply({ status: 202, headers: { 'x-message-id': 'sg-msg-123' } });
    const rendered = verificationEmail({ name: 'Ada <3', link: 'https://workfree.test/verify-email?token=secret-token' });
    expect(mailProvider()).toBe('sendgrid');

    const sent = await sendMail({ to: 'Ada@Example.test', ...rendered });

    expect(sent).toEqual({ id: expect.any(String), provider: 'sendgrid', providerMessageId: 'sg-msg-123' });
    expect(sendgrid.requests).toHaveLength(1);
    const [request] = sendgrid.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v3/mail/send' });
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(request!.body).toMatchObject({
      personalizations: [{ to: [{ email: 'ada@example.test' }] }],
      from: { email: 'no-reply@workfree.local', name: 'WorkFree' },
      subject: 'Confirm your email for WorkFree',
      content: [
        { type: 'text/plain', value: rendered.text },
        { type: 'text/html', value: rendered.html },
      ],
      categories: ['verification'],
      tracking_settings: { click_tracking: { enable: false, enable_text: false } },
    });

    const logged = await latestMailTo('ada@example.test');
    expect(logged).toMatchObject({
      id: sent.id,
      to: 'ada@example.test',
      subject: rendered.subject,
      template: 'verification',
      provider: 'sendgrid',
      providerMessageId: 'sg-msg-123',
      error: null,
      text: '',
      html: null,
    });
    expect(logged?.sentAt).toBeInstanceOf(Date);
  });

  it('sends from MAIL_FROM, as a bare address too, and tolerates a missing message id', async () => {
    setMailEnv({ MAIL_FROM: 'hello@workfree.test' });
    sendgrid.reply({ status: 202 });
    const sent = await sendMail({ to: 'bare@example.test', ...passwordResetEmail({ name: 'B', link: 'https://w.test/r?token=t' }) });
    expect(sent.providerMessageId).toBeNull();
    expect(sendgrid.requests[0]!.body).toMatchObject({ from: { email: 'hello@workfree.test' }, categories: ['password-reset'] });
  });

  it.each([
    [401, { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] }, /HTTP 401 .*authorization grant is invalid/],
    [500, { errors: [{ message: 'Internal server error' }] }, /HTTP 500 .*Internal server error/],
    [400, undefined, /HTTP 400/],
  ])('rejects clearly and logs the failure when SendGrid answers %i', async (status, body, reason) => {
    sendgrid.reply({ status, body });
    const to = `refused-${status}@example.test`;
    const sending = sendMail({ to, ...verificationEmail({ name: 'R', link: 'https://w.test/v?token=t' }) });

    await expect(sending).rejects.toThrow(MailDeliveryError);
    const error = (await sending.catch((e: unknown) => e)) as MailDeliveryError;
    expect(error.message).toMatch(/^SendGrid refused the mail: /);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(API_KEY);
    expect(error.status).toBe(status);

    const logged = await latestMailTo(to);
    expect(logged).toMatchObject({ provider: 'sendgrid', sentAt: null, providerMessageId: null, text: '', html: null });
    expect(logged?.error).toBe(error.message);
  });

  it('rejects and logs when SendGrid cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    setMailEnv({ SENDGRID_API_URL: `http://127.0.0.1:${port}` });

    const to = 'unreachable@example.test';
    await expect(sendMail({ to, ...verificationEmail({ name: 'U', link: 'https://w.test/v?token=t' }) })).rejects.toThrow(
      /SendGrid could not be reached: .*ECONNREFUSED/,
    );
    expect((await latestMailTo(to))?.error).toMatch(/ECONNREFUSED/);
  });

  it('is kept from storing a body on a SendGrid row by the database itself', async () => {
    const insert = asService('test-fixture', (tx) =>
      tx.insert(mailOutbox).values({ toEmail: 'x@example.test', subject: 'S', textBody: 'token inside', template: 'verification', provider: 'sendgrid' }),
    );
    const error = (await insert.catch((e: unknown) => e)) as { cause?: { code?: string; constraint?: string; message?: string } };
    expect(error.cause?.code).toBe('23514'); // check_violation
    expect(error.cause?.message).toContain('mail_outbox_sendgrid_keeps_no_body');
  });
});
