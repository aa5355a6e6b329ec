import type { z } from 'zod';
import { ApiError, validationError } from './errors';

/** Bodies larger than this are refused before parsing (413). Uploads have their own route. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

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
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new ApiError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new ApiError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  }
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'The request body is not valid JSON', { _root: ['Malformed JSON'] });
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'request body');
  return parsed.data;
}

/** Validates URL search parameters (first value of each) against a schema. */
export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'query parameters');
  return parsed.data;
}
