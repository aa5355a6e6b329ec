import { z } from 'zod';
import { NextRequest } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { MAX_QUERY_STRING_BYTES, hasRequestBody, parseJsonBody, parseSearchParams, readBodyCapped } from '@/lib/api/parse';

/** A body that arrives in chunks with no Content-Length, as `Transfer-Encoding: chunked` does. */
function chunkedRequest(chunks: string[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[pulled++]));
    },
  });
  const request = new Request('http://localhost/api/x', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  return { request, pulledCount: () => pulled };
}

async function errorOf(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const schema = z.object({ name: z.string().max(10) });

describe('parseJsonBody', () => {
  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const request = new Request('http://localhost/api/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '70000' },
      body: '{}',
    });
    const error = await errorOf(parseJsonBody(request, schema));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(request.bodyUsed).toBe(false);
  });

  it('stops reading a chunked body without Content-Length as soon as it passes the cap', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const { request, pulledCount } = chunkedRequest(Array.from({ length: 100 }, () => chunk));
    const error = await errorOf(parseJsonBody(request, schema));
    expect(error.status).toBe(413);
    // 64 KB cap: the fifth 16 KB chunk crosses it; the other 95 chunks are never pulled.
    expect(pulledCount()).toBeLessThan(8);
  });

  it('reads a chunked body under the cap', async () => {
    const { request } = chunkedRequest(['{"na', 'me":"Ada"}']);
    await expect(parseJsonBody(request, schema)).resolves.toEqual({ name: 'Ada' });
  });

  it('refuses a Content-Length that understates the body once the real bytes pass the cap', async () => {
    const { request } = chunkedRequest(['"', 'y'.repeat(80 * 1024), '"'], { 'content-length': '10' });
    expect((await errorOf(parseJsonBody(request, schema))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names the field of a wrong-typed body and refuses malformed JSON and invalid UTF-8 with 400', async () => {
    const json = (body: BodyInit) =>
      new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const wrong = await errorOf(parseJsonBody(json('{"name":42}'), schema));
    expect(wrong.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(wrong.fields ?? {})).toEqual(['name']);
    expect((await errorOf(parseJsonBody(json('{"name":'), schema))).code).toBe('VALIDATION_ERROR');
    const badUtf8 = await errorOf(parseJsonBody(json(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), schema));
    expect(badUtf8.code).toBe('VALIDATION_ERROR');
  });

  it('refuses a body that is not JSON by its Content-Type with 415', async () => {
    const request = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect((await errorOf(parseJsonBody(request, schema))).status).toBe(415);
  });
});

describe('readBodyCapped', () => {
  it('returns the exact bytes sent, for signature checks', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0xfe]);
    const request = new Request('http://localhost/api/x', { method: 'POST', body: bytes });
    expect(Array.from(await readBodyCapped(request, 5))).toEqual(Array.from(bytes));
    const over = new Request('http://localhost/api/x', { method: 'POST', body: bytes });
    expect((await errorOf(readBodyCapped(over, 4))).status).toBe(413);
  });
});

describe('hasRequestBody', () => {
  it('sees a declared length or a chunked body, and nothing else', () => {
    const plain = (headers: Record<string, string>, body?: string) => new Request('http://localhost/', { method: 'POST', headers, body });
    expect(hasRequestBody(plain({ 'content-length': '2' }, '{}'))).toBe(true);
    expect(hasRequestBody(plain({ 'content-length': '0' }))).toBe(false);
    expect(hasRequestBody(plain({}))).toBe(false);
    expect(hasRequestBody(chunkedRequest(['{}']).request)).toBe(true);
  });
});

describe('parseSearchParams', () => {
  const query = z.object({ page: z.coerce.number().int().min(1).default(1) });
  const url = (search: string) => new NextRequest(`http://localhost/api/x${search}`).nextUrl;

  it('parses a normal query', () => {
    expect(parseSearchParams(url('?page=3'), query)).toEqual({ page: 3 });
  });

  it('refuses a repeated parameter with 400 naming it', () => {
    const error = (() => {
      try {
        parseSearchParams(url('?page=1&page=2'), query);
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.status).toBe(400);
    expect(error?.fields).toHaveProperty('page');
  });

  it('refuses an over-long query string with 400', () => {
    const long = `?q=${'a'.repeat(MAX_QUERY_STRING_BYTES)}`;
    expect(() => parseSearchParams(url(long), query)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
