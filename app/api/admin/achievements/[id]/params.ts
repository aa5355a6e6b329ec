import { ApiError } from '@/lib/api/errors';
import { achievementIdSchema } from '@/lib/admin/achievements/schemas';

/** The :id segment, or 400 naming it. */
export async function achievementIdParam(params: Promise<{ id: string }>): Promise<string> {
  const id = achievementIdSchema.safeParse((await params).id);
  if (!id.success) throw new ApiError('VALIDATION_ERROR', 'Invalid achievement id', { id: ['must be a UUID'] });
  return id.data;
}
