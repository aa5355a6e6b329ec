/** Display formatting for the analytics dashboard. Fixed locale, so server and client agree. */

const LOCALE = 'en-GB';

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** A ratio 0…1 as "40 %" (one decimal below 10 %); "—" when undefined. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  return `${percent > 0 && percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** Averages keep one decimal: "0.8". */
export const formatAverage = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** Integer cents as US dollars: 401700 → "$4,017.00". */
export const formatMoney = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** Seconds as "25 min 15 s", "1 h 2 min", "45 s"; "—" when undefined. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (hours > 0) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

/** A UTC calendar day 'YYYY-MM-DD' as "1 Mar 2025" (or "1 Mar" when short). */
export function formatDay(day: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
