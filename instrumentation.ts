/**
 * Runs once when a server instance starts. Validating configuration here makes a misconfigured
 * deployment fail at boot, naming the variable, instead of on its first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  env();
}
