import { resetEnvForTests } from '@/lib/env';

/** The variables the mail port reads; each test file starts from none of them (outbox, test env). */
const MAIL_VARIABLES = ['SENDGRID_API_KEY', 'SENDGRID_API_URL', 'MAIL_FROM', 'ENABLE_DEV_MAILBOX', 'NODE_ENV'] as const;
type MailVariable = (typeof MAIL_VARIABLES)[number];

const variables = process.env as Record<string, string | undefined>;

/** Sets (or, with undefined, removes) mail variables and makes env() read them again. */
export function setMailEnv(values: Partial<Record<MailVariable, string | undefined>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete variables[name];
    else variables[name] = value;
  }
  resetEnvForTests();
}

/** Saves the mail variables before a file's tests and restores them after. */
export function isolateMailEnv(): void {
  const saved = Object.fromEntries(MAIL_VARIABLES.map((name) => [name, variables[name]]));
  beforeEach(() => {
    setMailEnv({ SENDGRID_API_KEY: undefined, SENDGRID_API_URL: undefined, MAIL_FROM: undefined, ENABLE_DEV_MAILBOX: undefined, NODE_ENV: 'test' });
  });
  afterAll(() => {
    setMailEnv(saved);
  });
}
