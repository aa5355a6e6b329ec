import { z } from 'zod';

/**
 * The mail port's shapes: what a caller hands to sendMail, and the mailbox's page cursor. Pure
 * (no server-only), so pages, templates and tests share them.
 */

export const MAIL_TEMPLATES = ['verification', 'password-reset'] as const;
export const mailTemplateSchema = z.enum(MAIL_TEMPLATES);
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

export const MAIL_PROVIDERS = ['outbox', 'sendgrid'] as const;
export type MailProvider = (typeof MAIL_PROVIDERS)[number];

/**
 * An outgoing mail. The address is stored and sent lower-cased, as profiles keep it, so
 * latestMailTo finds it whatever case the caller typed. The subject may not span lines.
 */
export const mailMessageSchema = z.object({
  to: z.string().trim().toLowerCase().max(255).email(),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line'),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(500_000).optional(),
  template: mailTemplateSchema,
});

export type MailMessage = z.input<typeof mailMessageSchema>;
export type ValidMailMessage = z.output<typeof mailMessageSchema>;

/**
 * A keyset cursor: the last row's created_at at full microsecond precision (a JS Date would cut
 * it to milliseconds and skip rows) and its id, as `2025-01-31T09:15:02.123456Z_<uuid>`.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const outboxCursorSchema = z
  .string()
  .regex(CURSOR, 'not a mailbox cursor')
  .transform((value) => {
    const [, createdAt = '', id = ''] = CURSOR.exec(value) ?? [];
    return { createdAt, id };
  });

export type OutboxCursor = z.output<typeof outboxCursorSchema>;

export const listOutboxSchema = z.object({
  limit: z.number().int().min(1).max(100),
  before: outboxCursorSchema.optional(),
});
