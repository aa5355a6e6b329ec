import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { previewQualifying } from '@/lib/admin/achievements/preview-qualifying';
import { previewRequestSchema } from '@/lib/admin/achievements/schemas';

/**
 * POST /api/admin/achievements/preview {criteria, achievementId?} → {qualifying, alreadyHeld}:
 * how many learners meet criteria that may not be saved yet (and, with an id, how many of them
 * hold that achievement already).
 */
export const POST = withPermission('update:quests', async (request, { session }) =>
  ok({ ...(await previewQualifying(session.claims, await parseJsonBody(request, previewRequestSchema))) }),
);
