import { z } from 'zod';
import {
  checkQuizAnswer,
  objectiveSchema,
  questDifficultySchema,
  questFieldsSchema,
  questTierSchema,
  quizStepFields,
  readingStepFields,
  taskStepFields,
} from '@/lib/quests/schemas';

/**
 * The quest editor's input: the admin form, the admin API (POST and PUT /api/admin/quests) and
 * the tests all validate with these. A PUT replaces the whole quest, so every field is required:
 * a client that forgets `steps` gets a 400, not a quest emptied of its steps.
 */

export const MAX_QUEST_STEPS = 30;
/** A whole quest travels in one request: 30 steps of up to 20,000 characters fit well under this. */
export const MAX_QUEST_BODY_BYTES = 1024 * 1024;
export const MAX_PREREQUISITES = 10;
export const MAX_OBJECTIVES = 8;

/** An existing step's id; absent for a step the author has just added. */
const stepIdSchema = z.uuid('Step ids are UUIDs').optional();

export const editorReadingStepSchema = readingStepFields.extend({ id: stepIdSchema });
export const editorQuizStepSchema = quizStepFields.extend({ id: stepIdSchema }).superRefine(checkQuizAnswer);
export const editorTaskStepSchema = taskStepFields.extend({ id: stepIdSchema });

export const editorStepSchema = z.discriminatedUnion('kind', [
  editorReadingStepSchema,
  editorQuizStepSchema,
  editorTaskStepSchema,
]);

/** Site-relative (an upload served by this app) or https; never protocol-relative `//host`. */
export const coverImageUrlSchema = z
  .string()
  .trim()
  .max(2_048)
  .regex(/^(\/(?!\/)|https:\/\/)\S+$/, "Use a path starting with '/' or an https:// address");

export const questEditorSchema = questFieldsSchema
  .extend({
    /** Ids of quests a learner must complete first. */
    prerequisites: z.array(z.uuid('Pick quests from the list')).max(MAX_PREREQUISITES),
    /** Drafts may have none yet; publishing needs at least one. */
    objectives: z.array(objectiveSchema).max(MAX_OBJECTIVES),
    coverImageUrl: coverImageUrlSchema.nullable(),
    /** In play order: a step's index is its position. */
    steps: z.array(editorStepSchema).max(MAX_QUEST_STEPS),
  })
  .superRefine((quest, ctx) => {
    const seenSteps = new Set<string>();
    quest.steps.forEach((step, index) => {
      if (!step.id) return;
      if (seenSteps.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: 'This step appears twice' });
      }
      seenSteps.add(step.id);
    });
    if (new Set(quest.prerequisites).size !== quest.prerequisites.length) {
      ctx.addIssue({ code: 'custom', path: ['prerequisites'], message: 'A prerequisite is listed twice' });
    }
  });

export type QuestEditorInput = z.input<typeof questEditorSchema>;
export type QuestEditorValues = z.output<typeof questEditorSchema>;
export type EditorStep = z.output<typeof editorStepSchema>;

export const QUEST_STATUSES = ['draft', 'published', 'archived'] as const;
export const questStatusFilterSchema = z.enum([...QUEST_STATUSES, 'all']);

/** An optional text filter: blank means "no filter", as a submitted empty search box sends it. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** GET /api/admin/quests — search (title or slug), filters and paging. */
export const questListQuerySchema = z.object({
  q: optionalText(100),
  category: optionalText(100),
  difficulty: questDifficultySchema.optional(),
  tier: questTierSchema.optional(),
  status: questStatusFilterSchema.default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type QuestListQuery = z.output<typeof questListQuerySchema>;
export type QuestStatusFilter = z.infer<typeof questStatusFilterSchema>;
