import type { MailTemplate } from './schemas';

/**
 * The mails WorkFree sends, each as a subject, a plain-text body and an HTML body. Pure functions:
 * the caller makes the token link, these only word it. Names are user input, so they are
 * flattened to one line for the text version and HTML-escaped for the HTML one.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  template: MailTemplate;
}

export interface LinkMailInput {
  /** The learner's name as they typed it; a missing or blank name greets them as "there". */
  name?: string | null;
  /** Absolute http(s) URL carrying the single-use token. */
  link: string;
}

/** How long the links stay valid; lib/auth/built-in/one-time-tokens.ts issues them with these TTLs. */
export const VERIFICATION_LINK_HOURS = 24;
export const PASSWORD_RESET_LINK_HOURS = 1;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** One line, no control characters, bounded: a name cannot add lines or bury the mail's text. */
function displayName(name: string | null | undefined): string {
  const flat = (name ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!flat) return 'there';
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function checkedLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new TypeError('A mail link must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('A mail link must be an http(s) URL');
  }
  return url.href;
}

const hours = (n: number) => (n === 1 ? '1 hour' : `${n} hours`);

interface MailCopy {
  template: MailTemplate;
  subject: string;
  heading: string;
  intro: string;
  action: string;
  expiry: string;
  ignore: string;
}

function render(copy: MailCopy, input: LinkMailInput): RenderedMail {
  const name = displayName(input.name);
  const link = checkedLink(input.link);
  const text = [
    `Hi ${name},`,
    '',
    copy.intro,
    '',
    link,
    '',
    copy.expiry,
    '',
    copy.ignore,
    '',
    '— The WorkFree team',
    '',
  ].join('\n');

  const p = 'margin:0 0 16px;font-size:16px;line-height:24px;color:#334155';
  const small = 'margin:0 0 16px;font-size:14px;line-height:20px;color:#475569';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(copy.subject)}</title>
</head>
<body style="margin:0;padding:24px 12px;background:#f8fafc;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:32px 24px">
<p style="margin:0 0 24px;font-size:18px;font-weight:700;color:#0f172a">WorkFree</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:#0f172a">${escapeHtml(copy.heading)}</h1>
<p style="${p}">Hi ${escapeHtml(name)},</p>
<p style="${p}">${escapeHtml(copy.intro)}</p>
<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600;font-size:16px;padding:12px 20px;border-radius:8px">${escapeHtml(copy.action)}</a></p>
<p style="${small}">${escapeHtml(copy.expiry)}</p>
<p style="${small}">If the button does not work, copy this link into your browser:<br><a href="${escapeHtml(link)}" style="color:#4338ca;word-break:break-all">${escapeHtml(link)}</a></p>
<p style="${small}">${escapeHtml(copy.ignore)}</p>
<p style="margin:24px 0 0;font-size:14px;color:#475569">— The WorkFree team</p>
</div>
</body>
</html>
`;
  return { subject: copy.subject, text, html, template: copy.template };
}

/** Sent after sign-up (and on "resend"): confirms the address belongs to the learner. */
export function verificationEmail(input: LinkMailInput): RenderedMail {
  return render(
    {
      template: 'verification',
      subject: 'Confirm your email for WorkFree',
      heading: 'Confirm your email',
      intro: 'Welcome to WorkFree! Confirm your email address to finish setting up your account and start your first quest:',
      action: 'Confirm my email',
      expiry: `This link expires in ${hours(VERIFICATION_LINK_HOURS)} and works once.`,
      ignore: "If you didn't ask for this, ignore this email: no account will be confirmed.",
    },
    input,
  );
}

/** Sent on "forgot password": a link to choose a new password. */
export function passwordResetEmail(input: LinkMailInput): RenderedMail {
  return render(
    {
      template: 'password-reset',
      subject: 'Reset your WorkFree password',
      heading: 'Reset your password',
      intro: 'Someone (hopefully you) asked to reset the password of your WorkFree account. Choose a new password here:',
      action: 'Choose a new password',
      expiry: `This link expires in ${hours(PASSWORD_RESET_LINK_HOURS)} and works once.`,
      ignore: "If you didn't ask for this, ignore this email: your password stays the same.",
    },
    input,
  );
}
