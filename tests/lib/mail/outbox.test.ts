import { sql } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { mailOutbox } from '@/lib/db/schema';
import { InvalidMailError, mailProvider, sendMail } from '@/lib/mail';
import { DevMailboxDisabledError } from '@/lib/mail/access';
import { linksIn } from '@/lib/mail/links';
import { latestMailTo, listOutbox, type OutboxMail } from '@/lib/mail/outbox';
import { passwordResetEmail, verificationEmail } from '@/lib/mail/templates';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser, type TestUser } from '../../support/fixtures';
import { affects, tryAs } from '../../support/as-actor';
import { isolateMailEnv, setMailEnv } from './mail-env';

describe('mail outbox', () => {
  let database: TestDatabase;
  let learner: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    [learner, admin] = await Promise.all([createTestUser(), createTestUser({ role: 'admin' })]);
  });
  afterAll(async () => {
    await database.drop();
  });
  isolateMailEnv();

  /** Reads every page of the mailbox, `limit` at a time. */
  async function allPages(limit: number): Promise<{ pages: OutboxMail[][]; cursors: (string | null)[] }> {
    const pages: OutboxMail[][] = [];
    const cursors: (string | null)[] = [];
    let before: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await listOutbox({ limit, before });
      pages.push(page.mails);
      cursors.push(page.nextCursor);
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    return { pages, cursors };
  }

  it('writes mail to the outbox when no provider is configured, body included', async () => {
    expect(mailProvider()).toBe('outbox');
    const rendered = verificationEmail({ name: 'Ada', link: 'http://localhost:3000/verify-email?token=tok-outbox' });
    const sent = await sendMail({ to: 'Ada@Example.TEST', ...rendered });
    expect(sent).toEqual({ id: expect.any(String), provider: 'outbox', providerMessageId: null });

    const mail = await latestMailTo('ada@example.test');
    expect(mail).toMatchObject({
      id: sent.id,
      to: 'ada@example.test',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      template: 'verification',
      provider: 'outbox',
      sentAt: null,
      providerMessageId: null,
      error: null,
    });
    expect(mail?.createdAt).toBeInstanceOf(Date);
    expect(linksIn(mail!.text)).toEqual(['http://localhost:3000/verify-email?token=tok-outbox']);
  });

  it('finds the newest mail to an address, in any case, optionally by template', async () => {
    const to = 'grace@example.test';
    const first = await sendMail({ to, ...verificationEmail({ name: 'Grace', link: 'https://w.test/v?token=one' }) });
    const second = await sendMail({ to, ...verificationEmail({ name: 'Grace', link: 'https://w.test/v?token=two' }) });
    const reset = await sendMail({ to, ...passwordResetEmail({ name: 'Grace', link: 'https://w.test/r?token=three' }) });
    await sendMail({ to: 'someone-else@example.test', ...verificationEmail({ name: 'X', link: 'https://w.test/v?token=x' }) });

    expect((await latestMailTo('GRACE@example.test'))?.id).toBe(reset.id);
    const verification = await latestMailTo(to, { template: 'verification' });
    expect(verification?.id).toBe(second.id);
    expect(verification?.id).not.toBe(first.id);
    expect(linksIn(verification!.text)).toEqual(['https://w.test/v?token=two']);
    expect(await latestMailTo('nobody@example.test')).toBeNull();
  });

  it('lists mail newest first and pages through it by keyset without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++) {
      await sendMail({ to: `page${i}@example.test`, ...verificationEmail({ name: `P${i}`, link: `https://w.test/v?token=p${i}` }) });
    }
    const everything = (await listOutbox({ limit: 100 })).mails;
    expect(everything.length).toBeGreaterThanOrEqual(10);
    expect(everything.slice(0, 5).map((m) => m.to)).toEqual([4, 3, 2, 1, 0].map((i) => `page${i}@example.test`));
    const times = everything.map((m) => m.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const { pages, cursors } = await allPages(3);
    expect(pages.flat().map((m) => m.id)).toEqual(everything.map((m) => m.id));
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    expect(cursors.at(-1)).toBeNull();
    expect(cursors.slice(0, -1).every((c) => typeof c === 'string')).toBe(true);
  });

  it('pages correctly through rows that share a millisecond or a whole timestamp', async () => {
    // Microsecond-apart and identical created_at values: a cursor cut to milliseconds, or one
    // without the id tie-breaker, would skip or repeat rows here.
    const stamps = ['2000-01-01T00:00:00.000001Z', '2000-01-01T00:00:00.000002Z', '2000-01-01T00:00:00.000002Z', '2000-01-01T00:00:00.000003Z'];
    await asService('test-fixture', (tx) =>
      tx.insert(mailOutbox).values(
        stamps.map((stamp, i) => ({
          toEmail: `tie${i}@example.test`,
          subject: `Tie ${i}`,
          textBody: 'Tie',
          template: 'verification',
          provider: 'outbox' as const,
          createdAt: sql`${stamp}::timestamptz`,
        })),
      ),
    );
    const everything = (await listOutbox({ limit: 100 })).mails;
    const ties = everything.filter((m) => m.to.startsWith('tie'));
    expect(ties.map((m) => m.to).at(0)).toBe('tie3@example.test');
    expect(ties.map((m) => m.to).at(-1)).toBe('tie0@example.test');
    for (const limit of [1, 2]) {
      const { pages } = await allPages(limit);
      expect(pages.flat().map((m) => m.id)).toEqual(everything.map((m) => m.id));
    }
  });

  it('rejects a malformed cursor and an out-of-range limit', async () => {
    await expect(listOutbox({ limit: 10, before: "2020-01-01' or 1=1 --" })).rejects.toThrow(/cursor/);
    await expect(listOutbox({ limit: 0 })).rejects.toThrow();
    await expect(listOutbox({ limit: 101 })).rejects.toThrow();
  });

  it('refuses a malformed mail before writing anything', async () => {
    const base = verificationEmail({ name: 'A', link: 'https://w.test/v?token=bad' });
    await expect(sendMail({ to: 'not-an-address', ...base })).rejects.toThrow(InvalidMailError);
    await expect(sendMail({ to: 'a@example.test', ...base, subject: 'Hi\r\nBcc: victim@example.test' })).rejects.toThrow(
      /check subject/,
    );
    expect(await latestMailTo('a@example.test')).toBeNull();
  });

  it('keeps outbox readers closed in production unless the dev mailbox is enabled', async () => {
    setMailEnv({ NODE_ENV: 'production' });
    await expect(listOutbox({ limit: 5 })).rejects.toThrow(DevMailboxDisabledError);
    await expect(latestMailTo('ada@example.test')).rejects.toThrow(DevMailboxDisabledError);
    setMailEnv({ NODE_ENV: 'production', ENABLE_DEV_MAILBOX: 'true' });
    expect((await latestMailTo('ada@example.test'))?.to).toBe('ada@example.test');
  });

  describe('row-level security', () => {
    let mailId: string;
    beforeAll(async () => {
      mailId = (await sendMail({ to: learner.email, ...verificationEmail({ name: 'Me', link: 'https://w.test/v?token=mine' }) })).id;
    });

    const actors = () =>
      [
        ['anon', null],
        ['the recipient', learner.claims],
        ['an admin', admin.claims],
      ] as const;

    it('lets no API role read any mail, not even the recipient or an admin', async () => {
      for (const [, claims] of actors()) {
        const all = await tryAs(claims, (tx) => tx.select().from(mailOutbox));
        expect(all).toEqual({ ok: false, code: '42501' });
        expect(await affects(claims, (tx) => tx.select({ id: mailOutbox.id }).from(mailOutbox).where(sql`${mailOutbox.id} = ${mailId}`))).toBe(false);
      }
    });

    it('lets no API role write, change or delete mail', async () => {
      for (const [, claims] of actors()) {
        const row = { toEmail: 'x@example.test', subject: 'Forged', textBody: 'Forged', template: 'verification', provider: 'outbox' as const };
        expect(await affects(claims, (tx) => tx.insert(mailOutbox).values(row).returning({ id: mailOutbox.id }))).toBe(false);
        expect(await affects(claims, (tx) => tx.update(mailOutbox).set({ subject: 'Changed' }).returning({ id: mailOutbox.id }))).toBe(false);
        expect(await affects(claims, (tx) => tx.delete(mailOutbox).returning({ id: mailOutbox.id }))).toBe(false);
      }
    });
  });
});
