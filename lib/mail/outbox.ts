import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { mailOutbox } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { DevMailboxDisabledError, devMailboxEnabled } from './access';
import { listOutboxSchema, type MailProvider, type MailTemplate } from './schemas';

/**
 * Reading the outbox: the dev mailbox page and the test suites. Bodies hold live single-use
 * links, so both readers refuse in production unless the dev mailbox is enabled (e2e runs), on
 * top of the page's own notFound().
 */

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  /** '' for SendGrid rows: their bodies are not kept. */
  text: string;
  html: string | null;
  template: string;
  provider: MailProvider;
  createdAt: Date;
  sentAt: Date | null;
  providerMessageId: string | null;
  error: string | null;
}

export interface OutboxPage {
  mails: OutboxMail[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const columns = {
  id: mailOutbox.id,
  to: mailOutbox.toEmail,
  subject: mailOutbox.subject,
  text: mailOutbox.textBody,
  html: mailOutbox.htmlBody,
  template: mailOutbox.template,
  provider: mailOutbox.provider,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
  providerMessageId: mailOutbox.providerMessageId,
  error: mailOutbox.error,
};

// created_at at microsecond precision, in UTC, for the keyset cursor.
const cursorTime = sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const newestFirst = [desc(mailOutbox.createdAt), desc(mailOutbox.id)];

function assertReadable(): void {
  if (!devMailboxEnabled(env())) throw new DevMailboxDisabledError();
}

/**
 * Outbox mail, newest first, `limit` (1–100) at a time. `before` is a cursor from a previous
 * page's nextCursor; an invalid one throws (validate with outboxCursorSchema first).
 */
export async function listOutbox(options: { limit: number; before?: string }): Promise<OutboxPage> {
  assertReadable();
  const { limit, before } = listOutboxSchema.parse(options);
  const rows = await asService('dev-mailbox', (tx) =>
    tx
      .select({ ...columns, cursorTime })
      .from(mailOutbox)
      .where(
        before
          ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`
          : undefined,
      )
      .orderBy(...newestFirst)
      .limit(limit + 1),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    mails: page.map(({ cursorTime: _cursor, ...mail }) => mail),
    nextCursor: rows.length > limit && last ? `${last.cursorTime}_${last.id}` : null,
  };
}

/**
 * The newest mail to `email` (any case), optionally of one template; null when there is none.
 * The test suites take verification and reset links from it.
 */
export async function latestMailTo(email: string, options: { template?: MailTemplate } = {}): Promise<OutboxMail | null> {
  assertReadable();
  const to = email.trim().toLowerCase();
  const [row] = await asService('mail-outbox-lookup', (tx) =>
    tx
      .select(columns)
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toEmail, to), options.template ? eq(mailOutbox.template, options.template) : undefined))
      .orderBy(...newestFirst)
      .limit(1),
  );
  return row ?? null;
}
