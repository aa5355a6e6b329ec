import type { AchievementCriteria } from '@/lib/achievements/criteria';

/** An achievement as the admin API and pages show it. */
export interface AdminAchievement {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  iconUrl: string | null;
  rarity: string;
  xpReward: number;
  /** Null when the stored criteria no longer parse: nobody can earn it until an admin fixes them. */
  criteria: AchievementCriteria | null;
  /** The criterion in words. */
  criterion: string;
  /** Learners who hold it. */
  unlockCount: number;
  /** ISO 8601. */
  createdAt: string;
}

export interface BackfillResult {
  /** Learners who were given it by this run. */
  awarded: number;
  /** Qualifying learners who held it already (earned, or awarded by an earlier or concurrent run). */
  alreadyHeld: number;
  /** Learners who meet its criteria now. */
  qualifying: number;
}

export interface Pagination {
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}
