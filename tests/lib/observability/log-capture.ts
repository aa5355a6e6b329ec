import { Writable } from 'node:stream';
import { useLogDestination } from '@/lib/observability/logger';

/** Sends the app's log to memory for the length of a test file; returns the parsed lines. */
export function captureLogs() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  useLogDestination(stream, 'trace');
  return {
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      text = '';
    },
    stop: () => useLogDestination(undefined),
  };
}
