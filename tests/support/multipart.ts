import { NextRequest } from 'next/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ only in their params type
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

/** Small but genuine image files, built from their published formats, for upload tests. */
export const SAMPLE_IMAGES = {
  // A 1×1 PNG and a 1×1 GIF, byte for byte.
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  // A 1×1 lossless WebP: RIFF container, WEBP form, VP8L chunk.
  webp: Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
  // JPEG: start-of-image, a JFIF APP0 segment, end-of-image.
  jpeg: Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xd9,
  ]),
  // AVIF: an ISO-BMFF ftyp box with major brand avif and compatible brands mif1, miaf.
  avif: Buffer.concat([
    Buffer.from([0x00, 0x00, 0x00, 0x1c]),
    Buffer.from('ftypavif'),
    Buffer.from([0x00, 0x00, 0x00, 0x00]),
    Buffer.from('avifmif1miaf'),
  ]),
} as const;

export const NOT_IMAGES = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  text: Buffer.from('just some text, not an image at all'),
  html: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
} as const;

/** `size` bytes that sniff as a PNG (the signature, then padding). */
export function pngOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  SAMPLE_IMAGES.png.copy(bytes, 0, 0, Math.min(size, SAMPLE_IMAGES.png.length));
  return bytes;
}

export interface UploadOptions {
  /** The file part; omitted: a form without a `file` field. */
  file?: { bytes: Uint8Array; name?: string; type?: string };
  /** The field the file goes in (default `file`). */
  field?: string;
  method?: string;
  path?: string;
  bearer?: string;
  headers?: Record<string, string>;
  params?: Record<string, unknown>;
  /** A raw body instead of a form (with its own content-type header). */
  rawBody?: string;
}

/** Calls a route handler with a real multipart/form-data NextRequest, as a browser's FormData upload sends it. */
export async function upload(handler: Handler, options: UploadOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  let body: BodyInit;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
  } else {
    const form = new FormData();
    form.set('note', 'not the file');
    if (options.file) {
      const { bytes, name = 'image.png', type = 'image/png' } = options.file;
      form.set(options.field ?? 'file', new Blob([new Uint8Array(bytes)], { type }), name);
    }
    body = form;
  }
  const request = new NextRequest(`http://localhost${options.path ?? '/api/upload'}`, {
    method: options.method ?? 'POST',
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field in tests
  const json = (await response.clone().json().catch(() => null)) as Record<string, any> | null;
  return { response, status: response.status, json: json ?? {} };
}
