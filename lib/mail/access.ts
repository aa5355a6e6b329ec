import type { Env } from '@/lib/env';

/**
 * The dev mailbox shows every outbox mail with its live verification and reset links, so it
 * exists outside production only — or in a production build the e2e suite starts with
 * ENABLE_DEV_MAILBOX=true.
 */
export function devMailboxEnabled(config: Pick<Env, 'NODE_ENV' | 'ENABLE_DEV_MAILBOX'>): boolean {
  return config.NODE_ENV !== 'production' || config.ENABLE_DEV_MAILBOX;
}

export class DevMailboxDisabledError extends Error {
  constructor() {
    super('The outbox is not readable in production (set ENABLE_DEV_MAILBOX=true for e2e runs only)');
    this.name = 'DevMailboxDisabledError';
  }
}
