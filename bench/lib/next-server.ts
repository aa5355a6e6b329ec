/**
 * Builds and starts the app's production server for the benchmark and soak scripts. `next start`
 * runs in its own process group so stop() ends it and any worker it spawned, and nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface StartedServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function nextBin(cwd: string): string {
  const require = createRequire(path.join(path.resolve(cwd), 'package.json'));
  return require.resolve('next/dist/bin/next');
}

/** `next build` in `cwd`; rejects with the exit code when the build fails. Output goes to this terminal. */
export function buildNext(cwd: string, env: Record<string, string | undefined> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(cwd), 'build'], {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/**
 * `next start` on an existing build in `cwd`, on 127.0.0.1:`port`, with `env` over this process's
 * environment. Resolves once the server answers any HTTP request (any status counts: the point is
 * that it listens and renders); rejects when it exits first or is not up within `timeoutMs`.
 */
export async function startNextServer(options: {
  cwd: string;
  port: number;
  env?: Record<string, string | undefined>;
  /** Extra node flags for the server (e.g. --cpu-prof). */
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Where the server's output goes; default: kept (last 8 kB) and shown only if it fails to start. */
  stdio?: 'inherit' | 'pipe';
}): Promise<StartedServer> {
  const { cwd, port, env = {}, nodeArgs = [], timeoutMs = 60_000, stdio = 'pipe' } = options;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, nextBin(cwd), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    signalGroup(child, 'SIGTERM');
    if (!(await exited(child, 10_000))) {
      signalGroup(child, 'SIGKILL');
      await exited(child, 5_000);
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited before answering (${child.signalCode ?? child.exitCode}):\n${tail}`);
    }
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { url, pid: child.pid!, stop };
}
