/**
 * Which image URLs next/image may optimize: our media route and, when one is configured, the
 * public bucket's origin (next.config.mjs puts it in images.remotePatterns and in
 * NEXT_PUBLIC_IMAGE_ORIGINS at build time). Anything else is drawn unoptimized: the optimizer
 * refuses origins it was not told about. No server-only import: client components use it too.
 */
const configuredOrigins = (process.env.NEXT_PUBLIC_IMAGE_ORIGINS ?? '').split(',').filter(Boolean);

export function isOptimizedImage(src: string): boolean {
  if (src.startsWith('/api/media/')) return true;
  try {
    return configuredOrigins.includes(new URL(src).origin);
  } catch {
    return false;
  }
}
