import type { z } from 'zod';
import { ApiError, validationError } from './errors';

/** Bodies larger than this are refused before parsing (413). Uploads have their own route. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** A query string longer than this is refused (400): no route takes more than a few short filters. */
export const MAX_QUERY_STRING_BYTES = 2048;
const tooLargeBody = () => new ApiError('PAYLOAD_TOO_LARGE', 'The request body is too large', { _root: ['The request body is too large'] });

/**
 * The request body as bytes, read chunk by chunk and abandoned as soon as it passes `maxBytes`, so
 * a chunked upload without Content-Length costs at most the cap in memory. A declared
 * Content-Length over the cap is refused before reading anything.
 */
export async function readBodyCapped(
  request: Request,
  maxBytes: number,
  tooLarge: () => ApiError = tooLargeBody,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
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

/** The body as UTF-8 text, capped like readBodyCapped; invalid UTF-8 is a 400, not garbage. */
export async function readTextCapped(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyCapped(request, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'The request body is not valid UTF-8', { _root: ['Not valid UTF-8'] });
  }
}

/**
 * Whether the request carries a body at all: a declared non-zero length, or a chunked body that
 * declares none (HTTP/1.1 says a request with neither header has no body).
 */
export function hasRequestBody(request: Request): boolean {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > 0;
  return request.headers.has('transfer-encoding') && request.body !== null;
}

/**
 * Reads a JSON body with a size cap and validates it; every failure is a 4xx naming the problem.
 * `maxBytes` raises the cap for the few bodies that are legitimately large (a whole quest).
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  const text = await readTextCapped(request, maxBytes);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'The request body is not valid JSON', { _root: ['Malformed JSON'] });
  }
  const nul = pathToNulCharacter(data);
  if (nul !== null) {
    throw new ApiError('VALIDATION_ERROR', `Invalid request body: ${nul || 'the body'} contains a NUL character`, {
      [nul || '_root']: ['Must not contain NUL (\\u0000) characters'],
    });
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'request body');
  return parsed.data;
}

/**
 * The dotted path of the first string (key or value) holding U+0000, or null. PostgreSQL text
 * and jsonb cannot store that character at all, so such a body would otherwise fail deep inside a
 * write as a 500. Walked with an explicit stack: a body nested 10,000 levels deep is legal JSON.
 */
function pathToNulCharacter(data: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\0')) return path;
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\0')) return childPath;
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

/**
 * Validates URL search parameters against a schema. A query string over MAX_QUERY_STRING_BYTES or
 * a parameter sent twice is a 400 naming it: the schema would only ever see one copy, and a caller
 * sending two means something other than what we would answer.
 */
export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  if (url.search.length > MAX_QUERY_STRING_BYTES) {
    throw new ApiError('VALIDATION_ERROR', 'The query string is too long', { _root: [`At most ${MAX_QUERY_STRING_BYTES} characters`] });
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(raw, key)) {
      throw new ApiError('VALIDATION_ERROR', `Invalid query parameters: ${key} is repeated`, { [key]: ['Send this parameter once'] });
    }
    if (key.includes('\0') || value.includes('\0')) {
      throw new ApiError('VALIDATION_ERROR', `Invalid query parameters: ${key} contains a NUL character`, { [key]: ['Must not contain NUL characters'] });
    }
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'query parameters');
  return parsed.data;
}
