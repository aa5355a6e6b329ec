import { IMAGE_TYPES, type ImageContentType, type ImageExtension } from './image-rules';

/**
 * Decides an image's type from its first bytes (its "magic number"), never from its name or the
 * content type the sender declared: both are chosen by the sender. Anything that is not one of
 * the accepted raster formats — SVG, HTML, PDF, a renamed executable — is null.
 * Needs the first SNIFF_BYTES bytes at most; no server-only import, so the browser shares it.
 */

export interface SniffedImage {
  contentType: ImageContentType;
  extension: ImageExtension;
}

/** How many leading bytes sniffImage looks at. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** ISO-BMFF (`ftyp` box): AVIF names `avif` (still) or `avis` (sequence) as its major or a compatible brand. */
function isAvif(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 4, 'ftyp')) return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length);
  if (boxSize < 16) return false;
  // Major brand at 8, minor version at 12, compatible brands from 16, four bytes each.
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    if (ascii(bytes, at, 'avif') || ascii(bytes, at, 'avis')) return true;
  }
  return false;
}

function contentTypeOf(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  return null;
}

export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const contentType = contentTypeOf(bytes.subarray(0, SNIFF_BYTES));
  return contentType ? { contentType, extension: IMAGE_TYPES[contentType] } : null;
}
