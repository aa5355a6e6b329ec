import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button-link';
import { env } from '@/lib/env';
import { mailProvider } from '@/lib/mail';
import { devMailboxEnabled } from '@/lib/mail/access';
import { listOutbox } from '@/lib/mail/outbox';
import { outboxCursorSchema } from '@/lib/mail/schemas';
import { MailItem } from './mail-item';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Dev mailbox', robots: { index: false, follow: false } };

const PAGE_SIZE = 20;

/**
 * Development mailbox: the mail the app wrote to the outbox instead of sending, newest first.
 * Absent (404) in production unless ENABLE_DEV_MAILBOX=true, as the e2e suite runs it.
 */
export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!devMailboxEnabled(env())) notFound();

  const { before: raw } = await searchParams;
  // A malformed cursor just shows the newest mail.
  const before = typeof raw === 'string' && outboxCursorSchema.safeParse(raw).success ? raw : undefined;
  const { mails, nextCursor } = await listOutbox({ limit: PAGE_SIZE, before });

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Development only</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">Mailbox</h1>
        <p className="mt-2 text-slate-600">
          {mailProvider() === 'sendgrid'
            ? 'SendGrid is configured: new mail is delivered for real, and listed here without its body.'
            : 'Mail the app wrote to its outbox instead of sending it. Open a mail to read it and follow its links.'}
        </p>
      </header>

      {mails.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-semibold text-slate-900">
            {before ? 'No older mail' : 'No mail yet — register an account to receive a verification email'}
          </p>
          {before ? <p className="mt-1 text-sm text-slate-600">You have reached the oldest mail.</p> : null}
        </div>
      ) : (
        <>
          <h2 className="sr-only">Mail, newest first</h2>
          <ol className="mt-8 space-y-3">
            {mails.map((mail) => (
              <li key={mail.id}>
                <MailItem mail={mail} />
              </li>
            ))}
          </ol>
        </>
      )}

      {before || nextCursor ? (
        <nav aria-label="Mailbox pages" className="mt-8 flex flex-wrap items-center justify-between gap-3">
          {before ? (
            <ButtonLink href="/dev/mailbox" variant="secondary">
              ← Newest mail
            </ButtonLink>
          ) : null}
          {nextCursor ? (
            <ButtonLink
              href={`/dev/mailbox?before=${encodeURIComponent(nextCursor)}`}
              variant="secondary"
              rel="next"
              className="ml-auto"
            >
              Older mail →
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
