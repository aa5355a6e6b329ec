/** Display formatting for learner pages. Fixed locale, so server and tests render the same text. */

const LOCALE = 'en-GB';

/** 0 → "0 min", 125 → "2 min", 7260 → "2 h 1 min". */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** An instant as a date where the learner lives: "3 Nov 2025". */
export function formatDate(iso: string, timeZone = 'UTC'): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

/** A calendar day 'YYYY-MM-DD' (already in the learner's zone) as "Mon 3 Nov". */
export function formatCalendarDay(day: string): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The weekday of a calendar day 'YYYY-MM-DD': "Mon". */
export function formatWeekday(day: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: style, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export const formatNumber = (n: number) => n.toLocaleString('en-US');
