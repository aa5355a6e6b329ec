import { NextResponse } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { isImageContentType } from '@/lib/storage/image-rules';
import { storage } from '@/lib/storage';
import { isValidKey, sha256Hex } from '@/lib/storage/keys';

/**
 * GET /api/media/<key> — a stored image, for when no public bucket URL (S3_PUBLIC_URL) serves it.
 * Keys are content hashes, so an object never changes: browsers and CDNs may keep it for a year.
 * The headers make sure it is only ever an image: the stored type (always a sniffed image type;
 * anything else goes out as an opaque download type), no sniffing, and a sandboxing CSP in case a
 * browser opens it as a document.
 */
const SERVED_PREFIXES = /^(covers|avatars)\//;
const notFound = () => new ApiError('NOT_FOUND', 'No such image');

export const GET = route<{ key: string[] }>(async (request, { params }) => {
  const { key: segments } = await params;
  const key = (segments ?? []).join('/');
  // Only the public image folders: the same bucket may hold other objects (database backups).
  if (!isValidKey(key) || !SERVED_PREFIXES.test(key)) throw notFound();
  const object = await storage().get(key);
  if (!object) throw notFound();

  const etag = `"${sha256Hex(object.body)}"`;
  const headers = new Headers({
    'Content-Type': isImageContentType(object.contentType) ? object.contentType : 'application/octet-stream',
    'Content-Disposition': 'inline',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))) {
    return new NextResponse(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(object.size));
  return new NextResponse(object.body, { status: 200, headers });
});
