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

export const choiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Choice ids are short lowercase tokens'),
  text: z.string().trim().min(1).max(500),
});

/** A quiz's answer key; stored apart from the step so it can never be read by learners. */
export const quizAnswerSchema = z.object({
  correct: z.array(z.string()).min(1),
  explanation: z.string().trim().min(10).max(2_000),
});

/*
 * The fields of each step kind, without cross-field rules: the seed's steps and the editor's
 * steps (which add an `id`) extend these, then apply the same rules below.
 */
export const readingStepFields = z.object({
  kind: z.literal('reading'),
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(40, 'A reading step needs real content').max(20_000),
});

export const quizStepFields = z.object({
  kind: z.literal('quiz'),
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(10).max(5_000),
  choices: z.array(choiceSchema).min(2).max(6),
  /** Checkboxes instead of radios. Absent: true exactly when more than one choice is correct. */
  allowMultiple: z.boolean().optional(),
  answer: quizAnswerSchema,
});

/** A hands-on task: instructions plus a checklist the learner ticks off when done. */
export const taskStepFields = z.object({
  kind: z.literal('task'),
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(40).max(20_000),
  checklist: z.array(z.string().trim().min(3).max(300)).min(1).max(10),
});

/** A quiz's choices are unique and its answer key names only those choices. */
export function checkQuizAnswer(step: z.output<typeof quizStepFields>, ctx: z.RefinementCtx): void {
  const ids = step.choices.map((c) => c.id);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Choice ids must be unique' });
  }
  for (const id of step.answer.correct) {
    if (!ids.includes(id)) {
      ctx.addIssue({ code: 'custom', path: ['answer', 'correct'], message: `Unknown choice "${id}"` });
    }
  }
  if (new Set(step.answer.correct).size !== step.answer.correct.length) {
    ctx.addIssue({ code: 'custom', path: ['answer', 'correct'], message: 'A correct choice is listed twice' });
  }
  if (step.allowMultiple === false && step.answer.correct.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['answer', 'correct'],
      message: 'Only one choice may be correct unless several answers are allowed',
    });
  }
}

/** Whether the player shows checkboxes: as the author said, or when several choices are correct. */
export function quizAllowsMultiple(step: { allowMultiple?: boolean; answer: { correct: string[] } }): boolean {
  return step.allowMultiple ?? step.answer.correct.length > 1;
}

/** A task's checklist as stored choices: ids c1..cN in the author's order. */
export function checklistChoices(checklist: string[]): { id: string; text: string }[] {
  return checklist.map((text, i) => ({ id: `c${i + 1}`, text }));
}

export const questStepInputSchema = z.discriminatedUnion('kind', [
  readingStepFields,
  quizStepFields.superRefine(checkQuizAnswer),
  taskStepFields,
]);
export type QuestStepInput = z.infer<typeof questStepInputSchema>;

/** A quest's own fields, shared by the seed catalog and the admin editor. */
export const questFieldsSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(3).max(255),
  description: z.string().trim().min(20).max(1_000),
  category: z.string().trim().min(2).max(100),
  difficulty: questDifficultySchema,
  tier: questTierSchema,
  durationMinutes: z.number().int().min(1).max(600),
  xpReward: z.number().int().min(0).max(10_000),
});

export const objectiveSchema = z.string().trim().min(3).max(200);

export const questInputSchema = questFieldsSchema.extend({
  /** Slugs of quests to finish first. */
  prerequisites: z.array(slugSchema).max(10).default([]),
  objectives: z.array(objectiveSchema).min(1).max(8),
  steps: z.array(questStepInputSchema).min(3).max(8),
});
export type QuestInput = z.input<typeof questInputSchema>;
export type ParsedQuestInput = z.output<typeof questInputSchema>;
