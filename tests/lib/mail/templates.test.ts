import { escapeHtml, passwordResetEmail, verificationEmail } from '@/lib/mail/templates';
import { linksIn } from '@/lib/mail/links';
import { mailMessageSchema } from '@/lib/mail/schemas';

const LINK = 'https://workfree.test/verify-email?token=abc123&next=%2Fdashboard';

describe('mail templates', () => {
  it('words the verification mail with the link, its 24-hour expiry and the ignore note', () => {
    const mail = verificationEmail({ name: 'Ada Lovelace', link: LINK });
    expect(mail.template).toBe('verification');
    expect(mail.subject).toBe('Confirm your email for WorkFree');
    expect(mail.text).toContain('Hi Ada Lovelace,');
    expect(mail.text).toContain(`\n${LINK}\n`);
    expect(mail.text).toContain('expires in 24 hours');
    expect(mail.text).toContain("If you didn't ask for this, ignore this email");
    expect(mail.html).toContain('expires in 24 hours');
    expect(linksIn(mail.text)).toEqual([LINK]);
  });

  it('words the reset mail with the link and its 1-hour expiry', () => {
    const mail = passwordResetEmail({ name: 'Ada', link: LINK });
    expect(mail.template).toBe('password-reset');
    expect(mail.subject).toBe('Reset your WorkFree password');
    expect(mail.text).toContain('expires in 1 hour ');
    expect(mail.text).toContain(LINK);
    expect(mail.text).toContain("If you didn't ask for this, ignore this email");
    expect(mail.html).toContain('expires in 1 hour ');
  });

  it('escapes HTML in the name and puts the link in an escaped href', () => {
    const name = '<img src=x onerror="alert(1)"> & <b>Bob</b>';
    const mail = verificationEmail({ name, link: LINK });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;Bob&lt;/b&gt;,');
    expect(mail.html).toContain('href="https://workfree.test/verify-email?token=abc123&amp;next=%2Fdashboard"');
    // The text version is not HTML: the name stays as typed.
    expect(mail.text).toContain(`Hi ${name},`);
  });

  it('keeps a name on one line and greets a nameless learner as "there"', () => {
    const injected = verificationEmail({ name: 'Eve\r\n\r\nClick https://evil.test now', link: LINK });
    expect(injected.text.split('\n')[0]).toBe('Hi Eve Click https://evil.test now,');
    expect(verificationEmail({ name: '   ', link: LINK }).text.startsWith('Hi there,')).toBe(true);
    expect(passwordResetEmail({ name: null, link: LINK }).text.startsWith('Hi there,')).toBe(true);
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() => verificationEmail({ name: 'A', link: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
    expect(() => passwordResetEmail({ name: 'A', link: '/reset?token=x' })).toThrow(/absolute URL/);
  });

  it('produces mails the port accepts', () => {
    for (const mail of [verificationEmail({ name: 'A', link: LINK }), passwordResetEmail({ name: 'A', link: LINK })]) {
      expect(mailMessageSchema.safeParse({ to: 'a@example.test', ...mail }).success).toBe(true);
    }
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
