import type { QuestDifficulty, QuestTier } from '@/lib/quests/schemas';
import type { EditorStep, QuestEditorValues } from './schemas';

/**
 * What the admin quest API returns. Types only (no runtime code, no `server-only`): the editor's
 * client components import them too.
 */

/** draft: not published, not archived; archived: withdrawn for good (learners keep their progress). */
export type QuestStatus = 'draft' | 'published' | 'archived';

export interface AdminQuestListItem {
  id: string;
  slug: string;
  title: string;
  category: string;
  difficulty: QuestDifficulty;
  tier: QuestTier;
  status: QuestStatus;
  /** Active steps (archived ones not counted). */
  stepCount: number;
  /** Learners with a progress row (in progress or completed). */
  learnerCount: number;
  coverImageUrl: string | null;
  /** ISO 8601. */
  updatedAt: string;
  publishedAt: string | null;
}

/** A step as the editor loads it: always with its id. */
export type EditorStepView = EditorStep & { id: string };

/** GET /api/admin/quests/:id — the editor's input shape, answer keys included, plus its state. */
export type QuestEditorView = Omit<QuestEditorValues, 'steps'> & {
  steps: EditorStepView[];
  id: string;
  status: QuestStatus;
  publishedAt: string | null;
  updatedAt: string;
  learnerCount: number;
  /** Steps removed after learners answered them: kept (hidden) so their answers stay valid. */
  archivedStepCount: number;
};

/** GET /api/admin/quests/options — for the prerequisites picker and the category suggestions. */
export interface QuestOption {
  id: string;
  slug: string;
  title: string;
  status: QuestStatus;
}

export interface QuestOptions {
  quests: QuestOption[];
  categories: string[];
}

export interface AdminQuestListResponse {
  success: true;
  quests: AdminQuestListItem[];
  pagination: { total: number; page: number; limit: number; totalPages: number };
}

export interface QuestEditorResponse {
  success: true;
  quest: QuestEditorView;
}

export interface QuestOptionsResponse extends QuestOptions {
  success: true;
}
