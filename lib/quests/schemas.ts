import { z } from 'zod';

/**
 * The one definition of a quest's shape. The seed catalog, the authoring forms (admin) and the
 * API all validate through these schemas, so a rule changes in one place.
 */

export const QUEST_DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export const QUEST_TIERS = ['free', 'premium'] as const;
export const STEP_KINDS = ['reading', 'quiz', 'task'] as const;

export const questDifficultySchema = z.enum(QUEST_DIFFICULTIES);
export const questTierSchema = z.enum(QUEST_TIERS);
export type QuestDifficulty = z.infer<typeof questDifficultySchema>;
export type QuestTier = z.infer<typeof questTierSchema>;
export type StepKind = (typeof STEP_KINDS)[number];

export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes');

const choiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Choice ids are short lowercase tokens'),
  text: z.string().trim().min(1).max(500),
});

const readingStepSchema = z.object({
  kind: z.literal('reading'),
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(40, 'A reading step needs real content').max(20_000),
});

/** A quiz's answer key; stored apart from the step so it can never be read by learners. */
export const quizAnswerSchema = z.object({
  correct: z.array(z.string()).min(1),
  explanation: z.string().trim().min(10).max(2_000),
});

const quizStepSchema = z
  .object({
    kind: z.literal('quiz'),
    title: z.string().trim().min(3).max(120),
    body: z.string().trim().min(10).max(5_000),
    choices: z.array(choiceSchema).min(2).max(6),
    answer: quizAnswerSchema,
  })
  .superRefine((step, ctx) => {
    const ids = step.choices.map((c) => c.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Choice ids must be unique' });
    }
    for (const id of step.answer.correct) {
      if (!ids.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['answer', 'correct'], message: `Unknown choice "${id}"` });
      }
    }
  });

/** A hands-on task: instructions plus a checklist the learner ticks off when done. */
const taskStepSchema = z.object({
  kind: z.literal('task'),
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(40).max(20_000),
  checklist: z.array(z.string().trim().min(3).max(300)).min(1).max(10),
});

export const questStepInputSchema = z.discriminatedUnion('kind', [
  readingStepSchema,
  quizStepSchema,
  taskStepSchema,
]);
export type QuestStepInput = z.infer<typeof questStepInputSchema>;

export const questInputSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(3).max(255),
  description: z.string().trim().min(20).max(1_000),
  category: z.string().trim().min(2).max(100),
  difficulty: questDifficultySchema,
  tier: questTierSchema,
  durationMinutes: z.number().int().min(1).max(600),
  xpReward: z.number().int().min(0).max(10_000),
  /** Slugs of quests to finish first. */
  prerequisites: z.array(slugSchema).max(10).default([]),
  objectives: z.array(z.string().trim().min(3).max(200)).min(1).max(8),
  steps: z.array(questStepInputSchema).min(3).max(8),
});
export type QuestInput = z.input<typeof questInputSchema>;
export type ParsedQuestInput = z.output<typeof questInputSchema>;
