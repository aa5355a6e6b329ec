import Image from 'next/image';
import { isOptimizedImage } from '@/lib/media/optimized-image';

/**
 * A quest's cover image at a fixed 16:9 ratio, so the page never shifts while it loads. The image
 * is decorative (alt=""): it always sits next to the quest's title, which says what a screen
 * reader needs, and quests have no authored image description to read out instead.
 *
 * Through next/image: uploads (our media route, or the public bucket) are resized to the width
 * the layout needs and re-encoded (AVIF/WebP); any other https address an author typed is shown
 * as it is, since the optimizer only fetches from origins we configured.
 */
export function QuestCover({
  src,
  priority = false,
  sizes = '(min-width: 1024px) 384px, (min-width: 640px) 50vw, 100vw',
  className = '',
}: {
  src: string;
  /** Above the fold (the overview's hero): load at once rather than lazily, with high priority. */
  priority?: boolean;
  /** How wide the cover is drawn, for the browser to pick a source; the default fits the catalog grid. */
  sizes?: string;
  className?: string;
}) {
  return (
    <div className={`relative aspect-video overflow-hidden bg-slate-100 ${className}`}>
      <Image
        src={src}
        alt=""
        fill
        sizes={sizes}
        preload={priority}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : 'auto'}
        unoptimized={!isOptimizedImage(src)}
        className="object-cover"
      />
    </div>
  );
}
