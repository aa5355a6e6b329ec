import { renderToStaticMarkup } from 'react-dom/server';
import DevMailboxPage, { dynamic } from '@/app/dev/mailbox/page';
import { sendMail } from '@/lib/mail';
import { listOutbox } from '@/lib/mail/outbox';
import { verificationEmail } from '@/lib/mail/templates';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { isolateMailEnv, setMailEnv } from './mail-env';

/** The dev mailbox page (app/dev/mailbox), rendered on the server as Next would. */
describe('dev mailbox page', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  isolateMailEnv();

  const render = async (search: Record<string, string> = {}) =>
    renderToStaticMarkup(await DevMailboxPage({ searchParams: Promise.resolve(search) }));

  it('is always rendered per request', () => {
    expect(dynamic).toBe('force-dynamic');
  });

  it('is not found in production', async () => {
    setMailEnv({ NODE_ENV: 'production' });
    const error = (await render().catch((e: unknown) => e)) as { digest?: unknown };
    expect(error).toBeInstanceOf(Error);
    expect(String(error.digest)).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it('shows the empty state before any mail was written', async () => {
    const html = await render();
    expect(html).toContain('No mail yet — register an account to receive a verification email');
    expect(html).not.toContain('<details');
  });

  it('lists mail newest first, each expandable, with only http(s) links as anchors', async () => {
    await sendMail({ to: 'first@example.test', ...verificationEmail({ name: 'First', link: 'https://w.test/v?token=first' }) });
    await sendMail({
      to: 'second@example.test',
      subject: 'Hand-written <b>subject</b>',
      text: 'Hi <script>alert(1)</script>\nGo to https://w.test/v?token=a&b=1.\nNot javascript:alert(2) nor data:text/html,x',
      html: '<p id="stored-html-marker">Stored HTML</p>',
      template: 'verification',
    });

    const html = await render();
    expect(html.indexOf('second@example.test')).toBeLessThan(html.indexOf('first@example.test'));
    expect(html.match(/<details/g)).toHaveLength(2);
    expect(html.match(/<summary/g)).toHaveLength(2);
    expect(html).toContain('Hand-written &lt;b&gt;subject&lt;/b&gt;');
    expect(html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('stored-html-marker');
    expect(html).toContain('href="https://w.test/v?token=a&amp;b=1"');
    expect(html).toContain('href="https://w.test/v?token=first"');
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}T/);
  });

  it('is served in production when the e2e flag enables it', async () => {
    setMailEnv({ NODE_ENV: 'production', ENABLE_DEV_MAILBOX: 'true' });
    expect(await render()).toContain('second@example.test');
  });

  it('pages to older mail and ignores a malformed cursor', async () => {
    for (let i = 0; i < 20; i++) {
      await sendMail({ to: `bulk${i}@example.test`, ...verificationEmail({ name: 'B', link: `https://w.test/v?token=b${i}` }) });
    }
    const first = await render();
    expect(first.match(/<details/g)).toHaveLength(20);
    const next = /href="\/dev\/mailbox\?before=([^"]+)"/.exec(first)?.[1];
    expect(next).toBeDefined();
    expect(first).not.toContain('first@example.test');

    const { nextCursor } = await listOutbox({ limit: 20 });
    const older = await render({ before: nextCursor! });
    expect(decodeURIComponent(next!)).toBe(nextCursor);
    expect(older.match(/<details/g)).toHaveLength(2);
    expect(older).toContain('first@example.test');
    expect(older).toContain('href="/dev/mailbox"');

    expect(await render({ before: 'nonsense' })).toContain('bulk19@example.test');
  });
});
