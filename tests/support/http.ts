import { NextRequest } from 'next/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ only in their params type
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  body?: unknown;
  /** Raw body text, for malformed-JSON cases. */
  rawBody?: string;
  headers?: Record<string, string>;
  bearer?: string;
  cookies?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a route handler the way Next.js would, with a real NextRequest. */
export async function call(handler: Handler, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  if (options.cookies) {
    headers.set('cookie', Object.entries(options.cookies).map(([k, v]) => `${k}=${v}`).join('; '));
  }
  const request = new NextRequest(`http://localhost${options.path ?? '/api/test'}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const json = (await response.clone().json().catch(() => null)) as Record<string, any> | null;
  return { response, status: response.status, json: json ?? {} };
}

/** The cookies a response sets, by name (value '' means cleared). */
export function cookiesSet(response: Response): Record<string, { value: string; attributes: string }> {
  const out: Record<string, { value: string; attributes: string }> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq).trim()] = { value: decodeURIComponent(pair.slice(eq + 1)), attributes: rest.join(';') };
  }
  return out;
}
