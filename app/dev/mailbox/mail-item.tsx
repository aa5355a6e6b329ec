import { Badge } from '@/components/ui/badge';
import type { OutboxMail } from '@/lib/mail/outbox';
import { LinkedText } from './linked-text';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** One mail: a summary line (subject, recipient, time) that opens to the text body. No JS needed. */
export function MailItem({ mail }: { mail: OutboxMail }) {
  return (
    <details className="group rounded-xl bg-white shadow-sm ring-1 ring-slate-200 open:ring-brand-200">
      <summary className="flex min-h-11 cursor-pointer list-none items-start gap-3 rounded-xl p-4 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="grid size-6 shrink-0 place-items-center text-slate-500 transition-transform group-open:rotate-90 motion-reduce:transition-none"
        >
          ▸
        </span>
        <span className="flex min-w-0 flex-1 flex-col gap-1">
          <span className="font-semibold break-words text-slate-900">{mail.subject}</span>
          <span className="text-sm break-all text-slate-600">
            <span className="sr-only">To: </span>
            {mail.to}
          </span>
          <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <time dateTime={mail.createdAt.toISOString()}>{timeFormat.format(mail.createdAt)} UTC</time>
            <Badge tone="brand">{mail.template}</Badge>
            {mail.provider === 'sendgrid' ? <Badge tone="neutral">sent by SendGrid</Badge> : null}
            {mail.error ? <Badge tone="rose">failed</Badge> : null}
          </span>
        </span>
      </summary>
      <div className="border-t border-slate-200 px-4 py-4 sm:px-11">
        {mail.error ? (
          <p className="mb-3 text-sm break-words text-rose-800">
            <span className="font-semibold">Delivery error:</span> {mail.error}
          </p>
        ) : null}
        {mail.text ? (
          <div className="font-mono text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
            <LinkedText text={mail.text} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            The body is not kept for mail delivered by SendGrid: it held a single-use link.
          </p>
        )}
      </div>
    </details>
  );
}
