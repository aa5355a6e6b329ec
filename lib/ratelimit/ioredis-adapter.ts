import 'server-only';
import { createHash } from 'node:crypto';
import type { Redis as IORedis } from 'ioredis';
import type { SetCommandOptions } from '@upstash/redis';

/**
 * Lets @upstash/ratelimit run on any Redis server through ioredis. It implements, with
 * @upstash/redis's signatures and result shapes, exactly what @upstash/ratelimit 2.x calls:
 * evalsha/eval (every algorithm), del (our reset), get/set (dynamic limits), hset (multi-region)
 * and multi().exec (deny lists). Anything else is deliberately absent.
 */

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * @upstash/ratelimit ≥ 2.1 starts its scripts with `#!lua flags=allow-key-locking`, a flag Redis 7.0
 * rejects ("Unexpected flag in script shebang") and Redis < 7 cannot parse at all. The line's text
 * goes, its newline stays, so line numbers in Lua errors still match the library's source.
 */
export function stripShebang(script: string): string {
  return script.startsWith('#!') ? script.replace(/^#![^\n]*/, '') : script;
}

/** As @upstash/redis sends arguments: strings and numbers as they are, anything else as JSON. */
function serialize(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

/**
 * As @upstash/redis returns results by default (automaticDeserialization): every string parsed
 * as JSON when that round-trips ("5" → 5, "OK" stays "OK"), arrays element by element.
 */
export function deserialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deserialize);
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'number' && String(parsed) !== value ? value : parsed;
  } catch {
    return value;
  }
}

const isNoScript = (error: unknown) => `${error}`.includes('NOSCRIPT');

interface PreparedScript {
  script: string;
  sha: string;
  loaded: Promise<unknown>;
}

type Flag = string | number;

function setFlags(opts: SetCommandOptions | undefined): Flag[] {
  const o: { nx?: boolean; xx?: boolean; get?: boolean; ex?: number; px?: number; exat?: number; pxat?: number; keepTtl?: boolean } =
    opts ?? {};
  const flags: Flag[] = [];
  if (o.nx) flags.push('nx');
  else if (o.xx) flags.push('xx');
  if (o.get) flags.push('get');
  if (o.ex !== undefined) flags.push('ex', o.ex);
  else if (o.px !== undefined) flags.push('px', o.px);
  else if (o.exat !== undefined) flags.push('exat', o.exat);
  else if (o.pxat !== undefined) flags.push('pxat', o.pxat);
  else if (o.keepTtl) flags.push('keepttl');
  return flags;
}

export class IoredisUpstashAdapter {
  /**
   * Keyed by the hash @upstash/ratelimit asks for — the SHA-1 of the script WITH its shebang,
   * which Redis never sees — pointing at the stripped script Redis actually holds.
   */
  private readonly scripts = new Map<string, PreparedScript>();

  constructor(readonly client: IORedis) {}

  evalsha = async <TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs): Promise<TData> => {
    const prepared = this.scripts.get(sha);
    // Unknown hash: ask Redis as is. Its NOSCRIPT makes @upstash/ratelimit send the script via eval.
    if (!prepared) return deserialize(await this.client.evalsha(sha, keys.length, ...keys, ...args.map(serialize))) as TData;
    return (await this.run(prepared, keys, args)) as TData;
  };

  eval = async <TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData> =>
    (await this.run(this.prepare(script), keys, args)) as TData;

  get = async <TData>(key: string): Promise<TData | null> => deserialize(await this.client.get(key)) as TData | null;

  set = async <TData>(key: string, value: TData, opts?: SetCommandOptions): Promise<'OK' | TData | null> =>
    deserialize(await this.client.call('set', key, serialize(value), ...setFlags(opts))) as 'OK' | TData | null;

  del = async (...keys: string[]): Promise<number> => (keys.length ? this.client.del(...keys) : 0);

  hset = async <TData>(key: string, kv: Record<string, TData>): Promise<number> =>
    this.client.hset(key, ...Object.entries(kv).flatMap(([field, value]) => [field, serialize(value)]));

  multi = () => new IoredisTransaction(this.client);

  private prepare(script: string): PreparedScript {
    const hash = sha1(script);
    let prepared = this.scripts.get(hash);
    if (!prepared) {
      const stripped = stripShebang(script);
      // SCRIPT LOAD, not just EVAL: loaded scripts are never evicted (Redis ≥ 7.4 evicts EVAL's).
      const loaded = this.client.script('LOAD', stripped);
      loaded.catch(() => this.scripts.delete(hash)); // a failed load is retried on the next eval
      prepared = { script: stripped, sha: sha1(stripped), loaded };
      this.scripts.set(hash, prepared);
    }
    return prepared;
  }

  private async run(prepared: PreparedScript, keys: string[], args: unknown[]): Promise<unknown> {
    const params = [...keys, ...args.map(serialize)];
    try {
      await prepared.loaded;
      return deserialize(await this.client.evalsha(prepared.sha, keys.length, ...params));
    } catch (error) {
      // SCRIPT FLUSH, a restart or a failover to a replica that never saw the load: EVAL reloads it.
      if (!isNoScript(error)) throw error;
      return deserialize(await this.client.eval(prepared.script, keys.length, ...params));
    }
  }
}

/** @upstash/redis's multi(): chain commands, then exec() runs them as one MULTI/EXEC. */
export class IoredisTransaction {
  private readonly commands: Flag[][] = [];

  constructor(private readonly client: IORedis) {}

  private push(name: string, ...args: Flag[]): this {
    this.commands.push([name, ...args]);
    return this;
  }

  del = (...keys: string[]) => this.push('del', ...keys);
  sadd = <TData>(key: string, member: TData, ...members: TData[]) => this.push('sadd', key, ...[member, ...members].map(serialize));
  sdiffstore = (destination: string, ...keys: string[]) => this.push('sdiffstore', destination, ...keys);
  sunionstore = (destination: string, ...keys: string[]) => this.push('sunionstore', destination, ...keys);
  set = <TData>(key: string, value: TData, opts?: SetCommandOptions) => this.push('set', key, serialize(value), ...setFlags(opts));

  /** Throws on the first failed command, with @upstash/redis's message shape. */
  async exec<TCommandResults extends unknown[] = unknown[]>(): Promise<TCommandResults> {
    const replies = (await this.client.multi(this.commands.map((c) => c.map(String))).exec()) ?? [];
    return replies.map(([error, result], i) => {
      if (error) throw new Error(`Command ${i + 1} [ ${this.commands[i]?.[0]} ] failed: ${error.message}`);
      return deserialize(result);
    }) as TCommandResults;
  }
}
