import 'server-only';
import { spawn } from 'node:child_process';
import { maskSecret, pgToolTarget } from './connection-target';

/**
 * Runs pg_dump / pg_restore / createdb-style tools: arguments as an array (no shell, so no quoting
 * bugs and no injection through a file or database name), the password through PGPASSWORD, and
 * any error output masked before it reaches a message.
 */

export class PgToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgToolError';
  }
}

/** The last lines of a tool's error output: enough to act on, not a wall of text. */
function tail(text: string, lines = 12): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { password } = pgToolTarget(url);
  const environment: NodeJS.ProcessEnv = { ...process.env };
  if (password !== undefined) environment.PGPASSWORD = password;

  await new Promise<void>((resolve, reject) => {
    const child = spawn(tool, args, { env: environment, stdio: ['ignore', 'ignore', 'pipe'], shell: false });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new PgToolError(
          error.code === 'ENOENT'
            ? `${tool} was not found on PATH: install the PostgreSQL client tools (a version at least the server's, e.g. apt-get install postgresql-client-15).`
            : maskSecret(`${tool} could not start: ${error.message}`, password),
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const why = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      reject(new PgToolError(maskSecret(`${tool} ${why}:\n${tail(stderr)}`, password)));
    });
  });
}
