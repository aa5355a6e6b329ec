const LOCALE = 'en-GB';
const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "in 2 days" — relative to `now`. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return Math.abs(seconds) < 10 ? 'just now' : relative.format(seconds, 'second');
}

/** The exact instant in UTC, e.g. "3 Nov 2025, 14:05:09 UTC". */
export const formatExact = (iso: string) => exact.format(new Date(iso));

/**
 * When something happened: relative for reading, exact (UTC) beside it for checking. Rendered on
 * the server at request time, so the relative part is as fresh as the page.
 */
export function Timestamp({ iso, layout = 'stacked' }: { iso: string; layout?: 'stacked' | 'inline' }) {
  return (
    <time dateTime={iso} title={formatExact(iso)} className={layout === 'stacked' ? 'block' : undefined}>
      <span className="text-slate-900">{formatRelative(iso)}</span>
      {layout === 'stacked' ? <span className="block text-xs text-slate-600">{formatExact(iso)}</span> : <span className="text-slate-600"> · {formatExact(iso)}</span>}
    </time>
  );
}
