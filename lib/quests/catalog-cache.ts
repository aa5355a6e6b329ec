import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';

/**
 * The published catalog as anonymous visitors see it, cached in Next's data cache. Anonymous reads
 * depend only on their filters and on what is published, so every visitor can share one answer;
 * signed-in reads carry the caller's progress and locks and are never cached. Entries are tagged
 * and dropped when an editor changes the catalog (revalidatePublishedCatalog), with a short time
 * limit as a backstop for writes made outside the app (the seed scripts).
 *
 * Outside a Next.js server — Jest, CLI scripts — there is no data cache: reads go straight to the
 * database and revalidation has nothing to do.
 */
export const PUBLISHED_CATALOG_TAG = 'published-catalog';
export const CATALOG_CACHE_SECONDS = 60;

const outsideNext = (error: unknown) =>
  error instanceof Error && /incrementalCache missing|static generation store missing/.test(error.message);

/** Wraps an anonymous catalog read so that, inside Next, its results are shared and tagged. */
export function cachedCatalogRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const cached = unstable_cache(read, ['published-catalog', name], {
    tags: [PUBLISHED_CATALOG_TAG],
    revalidate: CATALOG_CACHE_SECONDS,
  });
  return async (...args: A) => {
    try {
      return await cached(...args);
    } catch (error) {
      if (outsideNext(error)) return read(...args);
      throw error;
    }
  };
}

/**
 * Drops every cached anonymous catalog read at once (expire: 0, not stale-while-revalidate: an
 * unpublished quest must not be served again). Call after the change has committed.
 */
export function revalidatePublishedCatalog(): void {
  try {
    revalidateTag(PUBLISHED_CATALOG_TAG, { expire: 0 });
  } catch (error) {
    if (!outsideNext(error)) throw error;
  }
}
