import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/lib/env';
import { currentRequestContext } from './request-context';

/**
 * The app's one logger: pino writing JSON lines to stdout, synchronously and in-process (pino's
 * transports run in worker threads that Next.js's bundling breaks). Every line written while a
 * request is served carries its `requestId`, added here from the request context.
 */

/** Keys whose values never reach a log line, wherever they appear in the logged object. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'oldPassword',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'secret',
  'clientSecret',
  'apiKey',
  'api_key',
  'jwt',
];

// pino's redaction takes explicit paths (a wildcard stands for one level): cover four levels deep.
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const prop = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (prop.startsWith('[') ? `${prefix}${prop}` : `${prefix}.${prop}`);
  return [prop, join('*'), join('*.*'), join('*.*.*')];
});

/**
 * Errors are logged by whitelist: driver errors carry the query, its parameters and server detail
 * (which can hold emails, hashes or tokens), so only these fields are kept.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields: Record<string, unknown> = { type: error.name, message: withoutParams(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') fields.code = code;
  if (error.stack) fields.stack = withoutParams(error.stack);
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== error) fields.cause = errorFields(cause);
  return fields;
}

/** Drizzle's query errors append the bound parameters ("params: …") to their message: cut them. */
const withoutParams = (text: string) => text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');

function createLogger(destination?: DestinationStream, level?: string): Logger {
  const options: pino.LoggerOptions = {
    level: level ?? defaultLevel(),
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errorFields, error: errorFields },
  };
  return destination ? pino(options, destination) : pino(options);
}

function defaultLevel(): string {
  const config = env();
  // Jest runs hundreds of requests: an unset LOG_LEVEL keeps test output readable. The variable is
  // read raw only to tell "unset" from lib/env's default.
  if (config.NODE_ENV === 'test' && !process.env.LOG_LEVEL) return 'silent';
  return config.LOG_LEVEL;
}

// On globalThis: one logger per process even though Next.js bundles the proxy and routes apart.
const holder = globalThis as typeof globalThis & { __workfreeLogger?: Logger };

export function logger(): Logger {
  holder.__workfreeLogger ??= createLogger();
  return holder.__workfreeLogger;
}

/** Tests send the log to a stream they read; undefined goes back to stdout at the configured level. */
export function useLogDestination(destination: DestinationStream | undefined, level = 'trace'): void {
  holder.__workfreeLogger = destination ? createLogger(destination, level) : undefined;
}
