import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { discardOldAvatar, setAvatarUrl } from '@/lib/storage/avatars';
import { readImageUpload } from '@/lib/storage/read-image-upload';
import { storeImage } from '@/lib/storage/store-image';

/**
 * The caller's avatar. POST (multipart/form-data, field `file`) stores the image under the
 * caller's avatars/ prefix and points profiles.avatar_url at it; DELETE clears it. Either way the
 * replaced image, when it was the caller's upload, is removed from storage.
 */
export const POST = withUser(async (request, { session }) => {
  const upload = await readImageUpload(request);
  const stored = await storeImage({ kind: 'avatar', userId: session.user.id }, upload);
  const previous = await setAvatarUrl(session, stored.url);
  await discardOldAvatar(session, previous, stored.url);
  return ok({ avatarUrl: stored.url });
});

export const DELETE = withUser(async (_request, { session }) => {
  const previous = await setAvatarUrl(session, null);
  await discardOldAvatar(session, previous, null);
  return ok({ avatarUrl: null });
});
