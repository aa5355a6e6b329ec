import 'server-only';
import { recordAnsweredRequest } from './access-log';
import { runWithRequestContext, type RequestContext } from './request-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The id proxy.ts forwarded, or a fresh one when the handler is reached without it (tests, scripts). */
export function requestIdOf(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Serves `answer` inside the request's context, so every log line it causes carries the request
 * id, then writes the access log and request metrics. The response carries the id back.
 */
export async function instrumentRequest(request: Request, answer: (context: RequestContext) => Promise<Response>): Promise<Response> {
  const context: RequestContext = { requestId: requestIdOf(request.headers) };
  const started = performance.now();
  let status = 500;
  try {
    const response = await runWithRequestContext(context, () => answer(context));
    status = response.status;
    try {
      if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', context.requestId);
    } catch {
      // Some responses (Response.redirect) have immutable headers; the proxy sets the id on those.
    }
    return response;
  } finally {
    recordAnsweredRequest({
      method: request.method,
      pathname: new URL(request.url).pathname,
      status,
      durationMs: performance.now() - started,
      requestId: context.requestId,
      userId: context.userId,
    });
  }
}
