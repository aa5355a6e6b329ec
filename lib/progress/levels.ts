/**
 * The one XP curve. Level L starts at 50·L·(L−1) total XP, so each level costs 100 XP more than
 * the one before (L1 → L2: 100, L2 → L3: 200, …). Pure: the dashboard, the quest player and the
 * server all read levels from here.
 */

export interface LevelInfo {
  level: number;
  totalXp: number;
  /** XP earned since this level started. */
  xpIntoLevel: number;
  /** XP between this level's start and the next level's start. */
  xpForNextLevel: number;
  /** 0..1 of the way to the next level. */
  progress: number;
}

const XP_STEP = 50;

/** Total XP needed to reach `level` (level 1 and anything below, NaN included, need 0). */
export function xpToReachLevel(level: number): number {
  if (!Number.isFinite(level) || level <= 1) return 0;
  const l = Math.floor(level);
  return XP_STEP * l * (l - 1);
}

/** Where `totalXp` sits on the curve. Negative, fractional or non-finite XP counts as whole, non-negative XP. */
export function levelForXp(totalXp: number): LevelInfo {
  const xp = Number.isFinite(totalXp) && totalXp > 0 ? Math.floor(totalXp) : 0;
  // Inverse of 50·L·(L−1) = xp; the loops correct floating-point error at exact boundaries.
  let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + (4 * xp) / XP_STEP)) / 2));
  while (xpToReachLevel(level + 1) <= xp) level += 1;
  while (level > 1 && xpToReachLevel(level) > xp) level -= 1;
  const start = xpToReachLevel(level);
  const xpForNextLevel = xpToReachLevel(level + 1) - start;
  const xpIntoLevel = xp - start;
  return { level, totalXp: xp, xpIntoLevel, xpForNextLevel, progress: xpIntoLevel / xpForNextLevel };
}
