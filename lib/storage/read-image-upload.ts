import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { readBodyCapped } from '@/lib/api/parse';
import { IMAGE_ERRORS, MAX_IMAGE_BYTES, type ImageContentType, type ImageExtension } from './image-rules';
import { sniffImage } from './sniff-image';

/**
 * Reads the image an upload route received as multipart/form-data in the field `file`, and checks
 * it: present, at most MAX_IMAGE_BYTES, and — by its bytes, not its name or declared type — one of
 * the accepted raster formats. Every refusal is a 4xx naming `file`:
 * 400 missing or empty, 413 too large, 415 not an accepted image (or not multipart at all).
 */

export interface ImageUpload {
  bytes: Uint8Array;
  contentType: ImageContentType;
  extension: ImageExtension;
}

/** Room for the multipart framing around the file (boundaries, part headers, a file name). */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES;

const fileError = (code: 'VALIDATION_ERROR' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE', message: string) =>
  new ApiError(code, message, { file: [message] });

export async function readImageUpload(request: Request): Promise<ImageUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw fileError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data in a field named file');
  }
  // Refused early when the sender says it is too big; chunked bodies are cut at the cap while read.
  const body = await readBodyCapped(request, MAX_BODY_BYTES, () => fileError('PAYLOAD_TOO_LARGE', IMAGE_ERRORS.tooLarge));
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw fileError('VALIDATION_ERROR', 'The upload is not valid multipart/form-data');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw fileError('VALIDATION_ERROR', IMAGE_ERRORS.missing);
  if (file.size === 0) throw fileError('VALIDATION_ERROR', IMAGE_ERRORS.empty);
  if (file.size > MAX_IMAGE_BYTES) throw fileError('PAYLOAD_TOO_LARGE', IMAGE_ERRORS.tooLarge);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) throw fileError('UNSUPPORTED_MEDIA_TYPE', IMAGE_ERRORS.wrongType);
  return { bytes, ...image };
}
