/**
 * A private PostgreSQL 15 cluster and a private Redis server for the soak and fault scripts: both
 * live under one temporary directory, listen on 127.0.0.1 only, on ports away from the machine's
 * own 5432 and 6379 (which other people's tests use), and can be stopped and started mid-run —
 * that is the fault being injected. Everything is torn down on exit, Ctrl-C or a crash.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chownSync, existsSync, openSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
// Below Linux's ephemeral range (32768–60999): a port in it can be taken at any moment by some
// process's outgoing connection, which then makes the server's bind fail.
export const DEFAULT_PG_PORT = 25432;
export const DEFAULT_REDIS_PORT = 26379;
/** The machine's shared services: never ours to stop. */
const SHARED_PORTS = new Set([5432, 6379]);

export interface PrivatePostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  isRunning(): boolean;
}

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  isRunning(): boolean;
}

export interface PrivateServices {
  dir: string;
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  /** Stops both and removes the directory; safe to call twice. */
  close(): Promise<void>;
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves true when this process could listen on 127.0.0.1:port right now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first port from `preferred` that is free to listen on (a crashed earlier run may hold one). */
export async function freePort(preferred: number, tries = 20): Promise<number> {
  for (let port = preferred; port < preferred + tries; port += 1) {
    if (SHARED_PORTS.has(port)) continue;
    if (!(await portAnswers(port)) && (await canBind(port))) return port;
  }
  throw new Error(`No free port in ${preferred}–${preferred + tries - 1}`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root; as root we run its tools as the `postgres` system user
 * through runuser (util-linux), otherwise as ourselves.
 */
function pgCommand(tool: string, args: string[]): [string, string[]] {
  const binary = path.join(PG_BIN, tool);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

function runPg(tool: string, args: string[], what: string): void {
  const [command, argv] = pgCommand(tool, args);
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${what} failed (${tool} exit ${result.status ?? result.signal}): ${(result.stderr || result.stdout || '').trim()}`);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function createPostgres(dir: string, port: number): PrivatePostgres & { initialise(): Promise<void>; killNow(): void } {
  const data = path.join(dir, 'pg-data');
  const log = path.join(dir, 'postgres.log');
  let running = false;
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;

  const start = async () => {
    try {
      runPg('pg_ctl', ['-D', data, '-l', log, '-o', serverOptions, '-w', '-t', '60', 'start'], 'Starting the private PostgreSQL');
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-8).join('\n') : '';
      throw new Error(`${(error as Error).message}\n${tail}`);
    }
    running = true;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/workfree`,
    port,
    async initialise() {
      if (isRoot()) {
        // initdb, run as postgres, must be able to write the directory and the log in it.
        const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
        const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
        if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('Running as root needs a `postgres` system user to run PostgreSQL as.');
        closeSync(openSync(log, 'a'));
        chownSync(dir, uid, gid);
        chownSync(log, uid, gid);
      }
      // --no-sync: a throwaway cluster; fsync of the catalog files only slows the start.
      runPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], 'initdb of the private PostgreSQL');
      await start();
      runPg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'workfree'], 'Creating the workfree database');
    },
    /** "fast": open sessions are disconnected — the app sees what a crashed or restarted server looks like. */
    async stop() {
      runPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], 'Stopping the private PostgreSQL');
      running = false;
    },
    start,
    isRunning: () => running,
    killNow() {
      if (!existsSync(path.join(data, 'postmaster.pid'))) return;
      const [command, argv] = pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop']);
      spawnSync(command, argv, { stdio: 'ignore', timeout: 25_000 });
      running = false;
    },
  };
}

function createRedis(dir: string, port: number): PrivateRedis & { killNow(): void } {
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return;
      // No persistence: a restart comes back empty, as a crashed cache would.
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
        stdio: 'ignore',
      });
      const spawned = child;
      spawned.once('exit', () => {
        if (child === spawned) child = undefined;
      });
      await waitFor(() => portAnswers(port), 10_000, 'The private Redis');
    },
    async stop() {
      const running = child;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await exited;
      child = undefined;
    },
    isRunning: () => Boolean(child),
    killNow() {
      child?.kill('SIGKILL');
      child = undefined;
    },
  };
}

const openServices = new Set<() => void>();
let exitHooksInstalled = false;

/**
 * Registers synchronous cleanup for exit, Ctrl-C and SIGTERM (e.g. killing a detached server's
 * process group); returns the function that unregisters it after a normal shutdown.
 */
export function registerExitCleanup(clean: () => void): () => void {
  installExitHooks();
  openServices.add(clean);
  return () => openServices.delete(clean);
}

/**
 * Kills this process's children and their process groups (a `next start` still starting runs
 * detached in its own group and is not registered yet): an orphaned server would keep its port
 * and, writing to a closed pipe, spin on EPIPE errors.
 */
function killChildrenSync(): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const pid = Number(entry);
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        process.kill(pid, 'SIGKILL');
      }
    } catch {
      // gone already, or not ours to read
    }
  }
}

/** The last line of defence: exit handlers may only do synchronous work. */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const cleanAll = () => {
    killChildrenSync();
    for (const clean of openServices) clean();
    openServices.clear();
  };
  process.on('exit', cleanAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the private services`);
      cleanAll();
      process.exit(130);
    });
  }
}

/** Starts a private PostgreSQL (with an empty `workfree` database) and a private Redis. */
export async function startPrivateServices(options: { pgPort?: number; redisPort?: number } = {}): Promise<PrivateServices> {
  installExitHooks();
  const dir = mkdtempSync(path.join(tmpdir(), 'workfree-soak-'));
  const postgres = createPostgres(dir, await freePort(options.pgPort ?? DEFAULT_PG_PORT));
  const redis = createRedis(dir, await freePort(options.redisPort ?? DEFAULT_REDIS_PORT));
  const cleanSync = () => {
    redis.killNow();
    postgres.killNow();
    rmSync(dir, { recursive: true, force: true });
  };
  openServices.add(cleanSync);
  try {
    await postgres.initialise();
    await redis.start();
  } catch (error) {
    cleanSync();
    openServices.delete(cleanSync);
    throw error;
  }
  let closed = false;
  return {
    dir,
    postgres,
    redis,
    async close() {
      if (closed) return;
      closed = true;
      await redis.stop().catch(() => redis.killNow());
      if (postgres.isRunning()) await postgres.stop().catch(() => postgres.killNow());
      postgres.killNow();
      rmSync(dir, { recursive: true, force: true });
      openServices.delete(cleanSync);
    },
  };
}

/**
 * A hard deadline for the whole run: whatever hangs (a build, a server that never answers), the
 * process ends, and the exit hooks stop everything it started.
 */
export function exitAfter(seconds: number, what: string): void {
  installExitHooks();
  setTimeout(() => {
    console.error(`\n${what} did not finish within ${Math.round(seconds)} s: stopping everything.`);
    process.exit(3);
  }, seconds * 1000).unref();
}
