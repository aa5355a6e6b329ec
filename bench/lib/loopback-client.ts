/**
 * The load generators' HTTP client: node:http with a keep-alive agent (what a fleet of browsers
 * behind a proxy looks like to the server), a hard per-request deadline so a hanging server shows
 * up as TIMEOUT instead of stalling the run, and only as much body parsing as the caller needs.
 */
import http, { type IncomingHttpHeaders } from 'node:http';

export interface HttpResult {
  /** 0 when no answer came (see `failure`). */
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when asked for (and for any non-2xx answer, to read its error code). */
  body: unknown;
  /** `error.code` of a `{success:false,error:{code}}` body. */
  code: string | undefined;
  failure: 'TIMEOUT' | 'CONNECTION_ERROR' | undefined;
  /** From the call to the last byte. */
  elapsedMs: number;
}

export interface RequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** Parse a 2xx body as JSON (state the workload needs); otherwise it is only drained. */
  parseBody?: boolean;
}

export interface LoopbackClient {
  baseUrl: string;
  request(spec: RequestSpec): Promise<HttpResult>;
  close(): void;
}

export function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const connectionError = (error: NodeJS.ErrnoException): Omit<HttpResult, 'elapsedMs'> => ({
  status: 0,
  headers: {},
  body: undefined,
  code: `CONNECTION_ERROR${error.code ? ` ${error.code}` : ''}`,
  failure: 'CONNECTION_ERROR',
});

export function createLoopbackClient(baseUrl: string, options: { maxSockets?: number; timeoutMs?: number } = {}): LoopbackClient {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    baseUrl,
    request(spec) {
      const started = performance.now();
      const payload = spec.json === undefined ? undefined : Buffer.from(JSON.stringify(spec.json));
      const headers: Record<string, string> = { accept: 'application/json, text/html', ...spec.headers };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(payload.length);
      }
      return new Promise<HttpResult>((resolve) => {
        let settled = false;
        let current: http.ClientRequest | undefined;
        const finish = (result: Omit<HttpResult, 'elapsedMs'>) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ ...result, elapsedMs: performance.now() - started });
        };
        const timer = setTimeout(() => {
          finish({ status: 0, headers: {}, body: undefined, code: 'TIMEOUT', failure: 'TIMEOUT' });
          current?.destroy();
        }, timeoutMs);
        const send = (isRetry: boolean) => {
          const request = http.request(
            { host: base.hostname, port: base.port || 80, method: spec.method, path: spec.path, headers, agent },
            (response) => {
              const status = response.statusCode ?? 0;
              const wantBody = spec.parseBody || status < 200 || status >= 300;
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => {
                if (wantBody) chunks.push(chunk);
              });
              response.on('end', () => {
                let body: unknown;
                if (wantBody) {
                  try {
                    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                  } catch {
                    body = undefined; // HTML error pages, empty bodies
                  }
                }
                finish({ status, headers: response.headers, body, code: errorCodeOf(body), failure: undefined });
              });
              response.on('error', (error: NodeJS.ErrnoException) => finish(connectionError(error)));
            },
          );
          current = request;
          request.on('error', (error: NodeJS.ErrnoException) => {
            // The keep-alive race: the server closed an idle socket just as this request went out
            // on it, before any answer. It is sent once more on a fresh socket, as browsers do.
            if (request.reusedSocket && !isRetry && !settled && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
              send(true);
              return;
            }
            finish(connectionError(error));
          });
          request.end(payload);
        };
        send(false);
      });
    },
    close: () => agent.destroy(),
  };
}
