/** One autocannon run, with every response time kept (autocannon's own summary has no p95). */
import autocannon, { type Result } from 'autocannon';
import type { Measurement } from './report';

export interface Scenario {
  name: string;
  route: string;
  kind: Measurement['kind'];
  /** 'next' or 'reference': which server it runs against. */
  server: 'next' | 'reference';
  reference?: string;
  /** The next request to send; called once per request, so pools rotate. */
  next: () => { method: string; path: string; headers?: Record<string, string>; body?: string };
  /** Facts to print after a run (e.g. how many gradings were first answers). */
  note?: () => string | undefined;
}

export async function drive(baseUrl: string, scenario: Scenario, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              const next = scenario.next();
              return {
                ...request,
                method: next.method,
                path: next.path,
                headers: { ...(next.body ? { 'content-type': 'application/json' } : {}), ...next.headers },
                body: next.body,
              };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const non2xx = [...statuses].filter(([s]) => s < 200 || s > 299).reduce((n, [, c]) => n + c, 0);
  const bad = [...statuses].filter(([s]) => s < 200 || s > 299).map(([s, c]) => `${c}×${s}`);
  const note = [scenario.note?.(), bad.length ? `non-2xx: ${bad.join(', ')}` : undefined].filter(Boolean).join('; ');
  return {
    scenario: scenario.name,
    route: scenario.route,
    kind: scenario.kind,
    connections,
    seconds,
    latencies,
    ok: latencies.length - non2xx,
    non2xx,
    // autocannon's `errors` already counts timeouts
    socketErrors: result.errors,
    timeouts: 0,
    ...(scenario.reference ? { reference: scenario.reference } : {}),
    ...(note ? { note } : {}),
  };
}
