import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { sha1, stripShebang } from '@/lib/ratelimit/ioredis-adapter';

/**
 * A local stand-in for Upstash's REST API, speaking the protocol @upstash/redis uses:
 * - POST /            one command as a JSON array → 200 {result} | 400 {error}
 * - POST /pipeline    an array of commands → 200 [{result} | {error}, …], run in order, not atomic
 * - POST /multi-exec  the same, inside MULTI/EXEC
 * A Bearer token is required. With `Upstash-Encoding: base64` string results travel base64-encoded,
 * except a bare "OK". Each command runs on the real Redis through ioredis call().
 */

type Arg = string | number;
type Command = [string, ...Arg[]];

export interface UpstashDouble {
  url: string;
  token: string;
  /** Every authorized request, in order, with commands as the client sent them. */
  requests: { path: string; commands: unknown[][] }[];
  close(): Promise<void>;
}

export async function startUpstashDouble(redis: Redis): Promise<UpstashDouble> {
  const token = randomUUID();
  const requests: UpstashDouble['requests'] = [];
  // Upstash accepts @upstash/ratelimit's `#!lua flags=allow-key-locking`; the Redis 7.0 behind this
  // double does not. So the double plays Upstash's part: it runs the script without that line but
  // files it under the hash of the text it was sent, as Upstash does.
  const scriptShas = new Map<string, string>();

  function translate(raw: unknown[]): Command {
    const [name, ...rest] = raw.map((a) => (typeof a === 'number' ? a : String(a)));
    const command = String(name).toLowerCase();
    if (command === 'eval') {
      const script = String(rest[0]);
      scriptShas.set(sha1(script), sha1(stripShebang(script)));
      return ['eval', stripShebang(script), ...rest.slice(1)];
    }
    if (command === 'evalsha') {
      const sha = String(rest[0]);
      return ['evalsha', scriptShas.get(sha) ?? sha, ...rest.slice(1)];
    }
    return [command, ...rest];
  }

  const encode = (value: unknown, top = true): unknown =>
    typeof value === 'string'
      ? top && value === 'OK'
        ? value
        : Buffer.from(value).toString('base64')
      : Array.isArray(value)
        ? value.map((v) => encode(v, false))
        : value;

  async function handle(req: http.IncomingMessage, body: string): Promise<[number, unknown]> {
    if (req.method !== 'POST') return [405, { error: 'method not allowed' }];
    if (req.headers.authorization !== `Bearer ${token}`) return [401, { error: 'Unauthorized' }];
    const out = req.headers['upstash-encoding'] === 'base64' ? encode : (v: unknown) => v;
    const path = req.url ?? '/';
    const parsed = JSON.parse(body) as unknown[];
    requests.push({ path, commands: path === '/' ? [parsed] : (parsed as unknown[][]) });
    if (path === '/') {
      const command = translate(parsed);
      try {
        return [200, { result: out(await redis.call(...command)) }];
      } catch (error) {
        return [400, { error: (error as Error).message }];
      }
    }
    const commands = (parsed as unknown[][]).map(translate);
    if (path === '/pipeline') {
      const results = [];
      for (const command of commands) {
        try {
          results.push({ result: out(await redis.call(...command)) });
        } catch (error) {
          results.push({ error: (error as Error).message });
        }
      }
      return [200, results];
    }
    if (path === '/multi-exec') {
      const replies = (await redis.multi(commands).exec()) ?? [];
      return [200, replies.map(([error, result]) => (error ? { error: error.message } : { result: out(result) }))];
    }
    return [404, { error: `no such endpoint: ${path}` }];
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      handle(req, body)
        .catch((error: Error): [number, unknown] => [500, { error: error.message }])
        .then(([status, payload]) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // fetch keeps connections alive
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
