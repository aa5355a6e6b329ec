/**
 * The browser's side of the API contract: every response has `success`; errors carry
 * `{ code, message, fields? }`. Used by hooks and forms; safe to import in client components.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: 'Could not reach WorkFree. Check your connection and try again.' });
  }
  const data = (await response.json().catch(() => null)) as ({ success: boolean; error?: ApiErrorBody } & T) | null;
  if (!response.ok || !data?.success) {
    throw new ApiRequestError(response.status, data?.error ?? { code: 'HTTP_' + response.status, message: 'Something went wrong. Please try again.' });
  }
  return data;
}
