/** Starts bench/reference-server.ts in its own process, as the app runs in its own. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { StartedServer } from './next-server';

export async function startReferenceServer(options: { cwd: string; port: number; databaseUrl: string; jwtSecret: string; poolMax: number }): Promise<StartedServer> {
  const tsx = path.join(options.cwd, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(options.cwd, 'bench', 'reference-server.ts')], {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      REFERENCE_PORT: String(options.port),
      REFERENCE_DATABASE_URL: options.databaseUrl,
      REFERENCE_JWT_SECRET: options.jwtSecret,
      REFERENCE_POOL_MAX: String(options.poolMax),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('reference server did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited (${code})`));
    });
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([done, new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}
