import { z } from 'zod';

/** An offline-queued event's id (crypto.randomUUID() in the player): a resend of it applies nothing twice. */
export const clientEventIdSchema = z.uuid({ error: 'clientEventId must be a UUID' }).optional();

/** PUT /api/progress/:id — the product spec's body. `score` is accepted but never trusted. */
export const updateProgressSchema = z.object({
  currentStep: z.number({ error: 'currentStep must be a number' }).int().min(0).max(1000),
  progressPercentage: z.number({ error: 'progressPercentage must be a number' }).min(0).max(100),
  timeSpent: z.number({ error: 'timeSpent must be a number of seconds' }).int().min(0).max(10 * 365 * 24 * 3600),
  score: z.number().min(0).max(100).optional(),
  clientEventId: clientEventIdSchema,
});
export type UpdateProgressBody = z.infer<typeof updateProgressSchema>;

/** POST /api/progress/:id/steps/:position — chosen quiz options, or every checklist item of a task. */
export const stepAnswerSchema = z.object({
  answer: z
    .union([z.string().min(1).max(20), z.array(z.string().min(1).max(20)).min(1).max(10)], {
      error: 'answer must be a choice id or a list of choice ids',
    })
    .transform((v) => (Array.isArray(v) ? v : [v])),
  clientEventId: clientEventIdSchema,
});

export const uuidParam = z.string().uuid('must be a UUID');
export const positionParam = z.coerce.number({ error: 'position must be a number' }).int().min(0).max(1000);
