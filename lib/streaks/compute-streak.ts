/**
 * Streaks from learning days. Pure and calendar-only: days are 'YYYY-MM-DD' strings already in the
 * learner's time zone, turned into whole day numbers through Date.UTC, so neither the server's
 * local zone nor a DST change can shift a day.
 */

export interface StreakResult {
  /** The streak still alive today (0 when it has lapsed). */
  current: number;
  /** The longest streak ever, in learning days. */
  longest: number;
  /** Freezes the live streak holds (0 when it has lapsed). */
  freezesHeld: number;
  /** Missed days covered by a freeze, oldest first. */
  frozenDays: string[];
}

/** Every this many streak days earns a freeze. */
export const DAYS_PER_FREEZE = 7;
/** A learner holds at most this many freezes. */
export const MAX_FREEZES = 2;

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → days since 1970-01-01; throws on anything that is not a real calendar date. */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
    if (dayString(ms / MS_PER_DAY) === day) return ms / MS_PER_DAY;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function dayString(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar date `delta` days from `day`. */
export function addDays(day: string, delta: number): string {
  return dayString(dayNumber(day) + delta);
}

/**
 * Freezes belong to the streak that earned them: when a streak breaks, its freezes go with it.
 * A freeze is spent only on a single missed day between two learning days; two or more missed
 * days break the streak whatever is held.
 */
export function computeStreak(days: string[], today: string): StreakResult {
  const todayN = dayNumber(today);
  const sorted = [...new Set(days.map(dayNumber))].sort((a, b) => a - b);
  const frozen: number[] = [];
  let run = 0;
  let longest = 0;
  let freezes = 0;
  let previous: number | undefined;

  for (const day of sorted) {
    const missed = previous === undefined ? 0 : day - previous - 1;
    if (previous === undefined || missed > 1 || (missed === 1 && freezes === 0)) {
      run = 0;
      freezes = 0;
    } else if (missed === 1) {
      freezes -= 1;
      frozen.push(day - 1);
    }
    run += 1;
    if (run % DAYS_PER_FREEZE === 0) freezes = Math.min(MAX_FREEZES, freezes + 1);
    longest = Math.max(longest, run);
    previous = day;
  }

  const frozenDays = frozen.map(dayString);
  if (previous === undefined) return { current: 0, longest: 0, freezesHeld: 0, frozenDays };
  // A day after "today" happens when a learner moves west across zones: it still counts as recent.
  const sinceLast = todayN - previous;
  if (sinceLast <= 1) return { current: run, longest, freezesHeld: freezes, frozenDays };
  if (sinceLast === 2 && freezes > 0) {
    // Yesterday is missed: the held freeze is already committed to it, so show it spent.
    return { current: run, longest, freezesHeld: freezes - 1, frozenDays: [...frozenDays, dayString(todayN - 1)] };
  }
  return { current: 0, longest, freezesHeld: 0, frozenDays };
}
