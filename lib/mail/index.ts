import 'server-only';
import { asService } from '@/lib/db';
import { mailOutbox } from '@/lib/db/schema';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { mailMessageSchema, type MailMessage, type MailProvider, type ValidMailMessage } from './schemas';
import { createSendGridSend, MailDeliveryError, type SendGridSend } from './sendgrid';

/**
 * The mail port (ARCHITECTURE §2). With SENDGRID_API_KEY set, mail goes out through SendGrid and
 * mail_outbox keeps a delivery log; without it, mail_outbox is the outbox and nothing leaves the
 * machine (the dev mailbox at /dev/mailbox and the e2e suite read it).
 *
 * Bodies carry single-use tokens, so only outbox rows keep them: a SendGrid row stores the
 * recipient, subject, template and SendGrid's message id (or the error), with text_body '' and no
 * html_body — a database dump or a stray query must not hand out live reset links for mail that
 * was really delivered. The migration enforces that with a check constraint.
 */

export { MailDeliveryError } from './sendgrid';
export type { MailMessage, MailProvider, MailTemplate } from './schemas';

export interface SentMail {
  /** The mail_outbox row recording this mail. */
  id: string;
  provider: MailProvider;
  /** SendGrid's X-Message-Id; null for outbox mail. */
  providerMessageId: string | null;
}

export class InvalidMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMailError';
  }
}

type Transport = { provider: 'outbox' } | { provider: 'sendgrid'; send: SendGridSend };

// Chosen once per configuration: env() caches its parse, so the transport follows it (and tests
// that call resetEnvForTests() get a transport built from their new variables).
let chosen: { config: Env; transport: Transport } | undefined;

function transport(): Transport {
  const config = env();
  if (chosen?.config !== config) {
    chosen = {
      config,
      transport: config.SENDGRID_API_KEY
        ? {
            provider: 'sendgrid',
            send: createSendGridSend({
              apiKey: config.SENDGRID_API_KEY,
              baseUrl: config.SENDGRID_API_URL,
              from: config.MAIL_FROM,
            }),
          }
        : { provider: 'outbox' },
    };
  }
  return chosen.transport;
}

/** Which backend sendMail uses under the current configuration. */
export function mailProvider(): MailProvider {
  return transport().provider;
}

interface MailRecord {
  provider: MailProvider;
  mail: ValidMailMessage;
  sentAt: Date | null;
  providerMessageId: string | null;
  error: string | null;
}

async function record(entry: MailRecord): Promise<string> {
  const keepBody = entry.provider === 'outbox';
  const [row] = await asService('mail-outbox', (tx) =>
    tx
      .insert(mailOutbox)
      .values({
        toEmail: entry.mail.to,
        subject: entry.mail.subject,
        textBody: keepBody ? entry.mail.text : '',
        htmlBody: keepBody ? (entry.mail.html ?? null) : null,
        template: entry.mail.template,
        provider: entry.provider,
        sentAt: entry.sentAt,
        providerMessageId: entry.providerMessageId,
        error: entry.error,
      })
      .returning({ id: mailOutbox.id }),
  );
  if (!row) throw new Error('Recording the mail returned no row');
  return row.id;
}

/**
 * Sends one mail and records it in mail_outbox. Outbox: the row is the mail (sent_at stays null:
 * it never leaves the machine). SendGrid: sends, then logs the outcome; a refusal or network
 * failure is logged with its reason and rejects with MailDeliveryError. If the log row cannot be
 * written, sendMail rejects with that database error even when SendGrid took the mail.
 */
export async function sendMail(message: MailMessage): Promise<SentMail> {
  const parsed = mailMessageSchema.safeParse(message);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'message'))];
    throw new InvalidMailError(`Invalid mail: check ${fields.join(', ')}`);
  }
  const mail = parsed.data;
  const current = transport();

  if (current.provider === 'outbox') {
    const id = await record({ provider: 'outbox', mail, sentAt: null, providerMessageId: null, error: null });
    return { id, provider: 'outbox', providerMessageId: null };
  }

  let messageId: string | null;
  try {
    ({ messageId } = await current.send(mail));
  } catch (error) {
    const failure =
      error instanceof MailDeliveryError ? error : new MailDeliveryError('SendGrid send failed', undefined, { cause: error });
    try {
      await record({ provider: 'sendgrid', mail, sentAt: null, providerMessageId: null, error: failure.message });
    } catch (recordError) {
      logger().error({ err: recordError, template: mail.template }, 'mail: could not log a failed SendGrid delivery');
    }
    throw failure;
  }
  const id = await record({ provider: 'sendgrid', mail, sentAt: new Date(), providerMessageId: messageId, error: null });
  return { id, provider: 'sendgrid', providerMessageId: messageId };
}
