import { ApiError } from '@/lib/api/errors';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import { can } from '@/lib/auth/permissions';
import { asUser } from '@/lib/db';
import { readImageUpload } from '@/lib/storage/read-image-upload';
import { storeImage } from '@/lib/storage/store-image';

/**
 * POST /api/admin/uploads/cover — multipart/form-data, field `file`: a quest cover image.
 * Whoever may create or edit quests may upload one (either permission, so withPermission's single
 * permission does not fit). Answers 201 with the stored image's URL for the quest form.
 */
export const POST = withUser(async (request, { session }) => {
  if (!can(session.user, 'update:quests') && !can(session.user, 'create:quests')) {
    throw new ApiError('FORBIDDEN', 'This needs the create:quests or update:quests permission');
  }
  const upload = await readImageUpload(request);
  const stored = await storeImage({ kind: 'cover' }, upload);
  await asUser(session.claims, (tx) =>
    recordAdminAction(tx, session, {
      action: 'media.upload',
      targetType: 'media',
      targetId: stored.key,
      targetLabel: stored.key,
      after: { url: stored.url, contentType: stored.contentType, size: stored.size },
      requestId: request.headers.get('x-request-id'),
    }),
  );
  return ok({ upload: stored }, { status: 201 });
});
