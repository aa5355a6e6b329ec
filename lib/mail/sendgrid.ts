import 'server-only';
// @sendgrid/client is @sendgrid/mail's own HTTP client (same release); a client of our own lets
// us choose the API host, which the mail service's built-in client resets on setApiKey.
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { ValidMailMessage } from './schemas';

export interface SendGridConfig {
  apiKey: string;
  /** https://api.sendgrid.com/, the EU host, or a local double in tests. */
  baseUrl: string;
  from: string;
  timeoutMs?: number;
}

export type SendGridSend = (message: ValidMailMessage) => Promise<{ messageId: string | null }>;

/** SendGrid did not take the mail. `status` is SendGrid's HTTP status, absent when it never answered. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

type SendGridErrorBody = { errors?: { message?: unknown }[] };

/** A one-line reason without secrets: SendGrid's status and its first error messages. */
function describeFailure(error: unknown): MailDeliveryError {
  const shaped = error as { code?: unknown; message?: unknown; response?: { body?: unknown } };
  if (typeof shaped.code === 'number') {
    const body = (shaped.response?.body ?? {}) as SendGridErrorBody;
    const reasons = (Array.isArray(body.errors) ? body.errors : [])
      .map((e) => (typeof e.message === 'string' ? e.message : ''))
      .filter(Boolean)
      .slice(0, 3)
      .join('; ');
    const statusText = typeof shaped.message === 'string' && shaped.message ? ` ${shaped.message}` : '';
    return new MailDeliveryError(
      `SendGrid refused the mail: HTTP ${shaped.code}${statusText}${reasons ? ` — ${reasons}` : ''}`,
      shaped.code,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new MailDeliveryError(`SendGrid could not be reached: ${reason}`, undefined, { cause: error });
}

/** A sender bound to one API key and host: POST /v3/mail/send, resolving to SendGrid's message id. */
export function createSendGridSend(config: SendGridConfig): SendGridSend {
  const client = new Client();
  client.setApiKey(config.apiKey);
  // After setApiKey, which sets the default (global region) host.
  client.setDefaultRequest('baseUrl', config.baseUrl);
  const service = new MailService();
  service.setClient(client);
  service.setTimeout(config.timeoutMs ?? 10_000);

  return async (message) => {
    try {
      const [response] = await service.send({
        to: message.to,
        from: config.from,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        categories: [message.template],
        // Click tracking would rewrite the single-use links through SendGrid's redirector.
        trackingSettings: { clickTracking: { enable: false, enableText: false } },
      });
      const header: unknown = response.headers['x-message-id'];
      return { messageId: typeof header === 'string' && header ? header : null };
    } catch (error) {
      throw describeFailure(error);
    }
  };
}
