/**
 * A quest's cover image at a fixed 16:9 ratio, so the page never shifts while it loads. The image
 * is decorative (alt=""): it always sits next to the quest's title, which says what a screen
 * reader needs, and quests have no authored image description to read out instead.
 *
 * A plain <img> until media moves to next/image (issue 7).
 */
export function QuestCover({
  src,
  priority = false,
  className = '',
}: {
  src: string;
  /** Above the fold (the overview's hero): load at once rather than lazily. */
  priority?: boolean;
  className?: string;
}) {
  return (
    <div className={`aspect-video overflow-hidden bg-slate-100 ${className}`}>
      <img
        src={src}
        alt=""
        width={1280}
        height={720}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : 'auto'}
        decoding="async"
        className="h-full w-full object-cover"
      />
    </div>
  );
}
