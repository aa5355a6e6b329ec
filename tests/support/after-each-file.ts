/**
 * A Redis-backed limiter keeps a socket open; close it so each test file's worker can exit. Reads
 * the holder lib/ratelimit keeps on globalThis rather than importing the module, so component
 * tests (jsdom) never load the Redis clients.
 */
afterAll(async () => {
  const holder = globalThis as { __workfreeRateLimit?: { close(): Promise<void> } };
  const backend = holder.__workfreeRateLimit;
  holder.__workfreeRateLimit = undefined;
  await backend?.close();
});
