import type { QuestDifficulty, QuestTier } from '@/lib/quests/schemas';

/**
 * The quest player's side of the progress API, shared by the route handlers' callers and the UI.
 * Types only (no runtime code, no `server-only`): safe in client components.
 */

export type ProgressStatus = 'in_progress' | 'completed';
export type PlayerStepKind = 'reading' | 'quiz' | 'task';

/** A learner's progress on one quest, as every progress endpoint returns it. */
export interface Progress {
  id: string;
  questId: string;
  status: ProgressStatus;
  /** 0-based index of the step the learner has reached; `totalSteps` once completed. */
  currentStep: number;
  totalSteps: number;
  progressPercentage: number;
  /** Seconds, cumulative. */
  timeSpent: number;
  score: number | null;
  startedAt: string;
  completedAt: string | null;
}

export interface PlayerQuest {
  id: string;
  slug: string;
  title: string;
  category: string;
  difficulty: QuestDifficulty;
  tier: QuestTier;
  xpReward: number;
}

export interface StepChoice {
  id: string;
  text: string;
}

/** The stored outcome of a quiz answer or a confirmed task. */
export interface StepResult {
  answer: string[];
  correct: boolean;
  explanation: string | null;
}

export interface PlayerStep {
  id: string;
  /** 0-based. */
  position: number;
  kind: PlayerStepKind;
  title: string;
  /** Markdown. */
  body: string;
  /** Quiz options or task checklist items; null for reading steps. */
  choices: StepChoice[] | null;
  /** A quiz with several right answers (checkboxes instead of radios). */
  allowMultiple: boolean;
  /** Present once the step was answered (quiz) or confirmed (task). */
  result: StepResult | null;
}

export interface UnlockedAchievement {
  id: string;
  slug: string;
  name: string;
  description: string;
  rarity: string;
  xpReward: number;
  iconUrl: string | null;
  unlockedAt: string;
}

export interface LevelChange {
  before: number;
  after: number;
  totalXp: number;
}

/** GET /api/progress/:progressId */
export interface ProgressDetailResponse {
  success: true;
  progress: Progress;
  quest: PlayerQuest;
  steps: PlayerStep[];
}

/** POST /api/progress/:progressId/steps/:position */
export interface StepAnswerBody {
  answer: string[];
}

export interface StepAnswerResponse {
  success: true;
  correct: boolean;
  explanation: string | null;
  progress: Progress;
  /** A first activity of the day can extend a streak and unlock an achievement. */
  achievementsUnlocked?: UnlockedAchievement[];
}

/** PUT /api/progress/:progressId */
export interface ProgressUpdateBody {
  currentStep: number;
  progressPercentage: number;
  timeSpent: number;
}

export interface ProgressUpdateResponse {
  success: true;
  progress: Progress;
  /** Present when this request completed the quest (0 when it had been completed before). */
  xpEarned?: number;
  achievementsUnlocked?: UnlockedAchievement[];
  level?: LevelChange;
}
