import { parseEnv } from '@/lib/env';
import { devMailboxEnabled } from '@/lib/mail/access';

describe('mail configuration', () => {
  it('defaults to the global SendGrid host and a WorkFree sender', () => {
    const config = parseEnv({ NODE_ENV: 'development' });
    expect(config.SENDGRID_API_KEY).toBeUndefined();
    expect(config.SENDGRID_API_URL).toBe('https://api.sendgrid.com/');
    expect(config.MAIL_FROM).toBe('WorkFree <no-reply@workfree.local>');
    expect(config.ENABLE_DEV_MAILBOX).toBe(false);
  });

  it('accepts a named or bare sender and names a malformed MAIL_FROM', () => {
    expect(parseEnv({ NODE_ENV: 'development', MAIL_FROM: 'Team <team@workfree.test>' }).MAIL_FROM).toBe('Team <team@workfree.test>');
    expect(parseEnv({ NODE_ENV: 'development', MAIL_FROM: 'team@workfree.test' }).MAIL_FROM).toBe('team@workfree.test');
    expect(() => parseEnv({ NODE_ENV: 'development', MAIL_FROM: 'WorkFree' })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ NODE_ENV: 'development', MAIL_FROM: 'a@b.test\r\nBcc: c@d.test' })).toThrow(/MAIL_FROM/);
  });

  it('sends the API key over https only, except to a double on this machine', () => {
    expect(parseEnv({ NODE_ENV: 'development', SENDGRID_API_URL: 'https://api.eu.sendgrid.com/' }).SENDGRID_API_URL).toBe(
      'https://api.eu.sendgrid.com/',
    );
    expect(parseEnv({ NODE_ENV: 'test', SENDGRID_API_URL: 'http://127.0.0.1:4010' }).SENDGRID_API_URL).toBe('http://127.0.0.1:4010');
    expect(() => parseEnv({ NODE_ENV: 'development', SENDGRID_API_URL: 'http://api.sendgrid.com/' })).toThrow(/SENDGRID_API_URL/);
  });

  it.each([
    ['development', undefined, true],
    ['test', undefined, true],
    ['production', undefined, false],
    ['production', 'false', false],
    ['production', 'true', true],
  ] as const)('opens the dev mailbox with NODE_ENV=%s and ENABLE_DEV_MAILBOX=%s: %s', (nodeEnv, flag, open) => {
    const config = parseEnv({ NODE_ENV: nodeEnv, ...(flag ? { ENABLE_DEV_MAILBOX: flag } : {}) });
    expect(devMailboxEnabled(config)).toBe(open);
  });
});
