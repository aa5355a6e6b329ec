import 'server-only';
import { ApiError } from '@/lib/api/errors';
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

/** The body, read chunk by chunk and abandoned as soon as it passes the cap: never more than that in memory. */
async function readCappedBody(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw fileError('PAYLOAD_TOO_LARGE', IMAGE_ERRORS.tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

export async function readImageUpload(request: Request): Promise<ImageUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw fileError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data in a field named file');
  }
  // Refuse early when the sender already says it is too big; chunked bodies meet the cap below.
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw fileError('PAYLOAD_TOO_LARGE', IMAGE_ERRORS.tooLarge);

  const body = await readCappedBody(request);
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
