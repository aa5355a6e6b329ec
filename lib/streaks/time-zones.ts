import { z } from 'zod';

/**
 * Time zones a learner may pick: the IANA zones the JavaScript runtime knows, plus 'UTC'.
 * Browsers and Node ship different ICU versions and disagree on some names (Asia/Kolkata vs
 * Asia/Calcutta), so an alias is accepted and stored under this runtime's canonical name — a
 * name PostgreSQL also knows, which matters because learning days are computed in SQL with it.
 */

let supported: Set<string> | null | undefined;
// Older browsers lack supportedValuesOf: there the form accepts what Intl accepts, and the server
// (Node has it) still checks against the list.
const supportedZones = () =>
  (supported ??= typeof Intl.supportedValuesOf === 'function' ? new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']) : null);

/** The canonical name of `zone`, or null when it is not a zone we accept. */
export function canonicalTimeZone(zone: string): string | null {
  const zones = supportedZones();
  if (zones?.has(zone)) return zone;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return !zones || zones.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Choose a time zone')
  .max(64, 'Choose a time zone from the list')
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'Choose a valid IANA time zone, such as Europe/Berlin' });
      return z.NEVER;
    }
    return canonical;
  });
