import type { userProgress } from '@/lib/db/schema';

/** A progress row as the API returns it (`progress` in the contract). */
export interface ProgressView {
  id: string;
  questId: string;
  status: 'in_progress' | 'completed';
  currentStep: number;
  totalSteps: number;
  progressPercentage: number;
  /** Seconds, cumulative. */
  timeSpent: number;
  score: number | null;
  startedAt: string;
  completedAt: string | null;
}

export function progressView(row: typeof userProgress.$inferSelect): ProgressView {
  return {
    id: row.id,
    questId: row.questId,
    status: row.status === 'completed' ? 'completed' : 'in_progress',
    currentStep: row.currentStep,
    totalSteps: row.totalSteps ?? 0,
    progressPercentage: row.progressPercentage,
    timeSpent: row.timeSpentSeconds,
    score: row.score,
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
