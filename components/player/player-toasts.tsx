'use client';

import { useEffect, useState } from 'react';
import { useQuestPlayerStore, type Announcement } from '@/store/quest-player-store';
import { StarIcon } from './icons';

/** How long a toast stays up, unless the pointer or keyboard focus is on it. */
export const TOAST_MS = 10_000;

function Toast({ item, onDismiss }: { item: Announcement; onDismiss: (id: string) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(item.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [paused, item.id, onDismiss]);

  return (
    <div
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl bg-slate-900 p-4 text-white shadow-lg ring-1 ring-slate-700"
    >
      <StarIcon className="mt-0.5 size-5 shrink-0 text-amber-400" />
      <p className="min-w-0 flex-1 text-sm">
        <span className="block font-semibold">{item.title}</span>
        {/* Compact on phones so the toast covers less; screen readers still hear the description. */}
        <span className="text-slate-300 max-sm:sr-only">{item.description}</span>
      </p>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        className="-m-1 grid size-11 shrink-0 place-items-center rounded-lg text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-white"
      >
        <span aria-hidden="true">✕</span>
        <span className="sr-only">Dismiss “{item.title}”</span>
      </button>
    </div>
  );
}

/**
 * Announces newly unlocked achievements and level ups. The live region (role=status) is always
 * mounted so screen readers notice what is added to it. Toasts leave after TOAST_MS (achievements
 * from finishing stay listed on the summary) or when dismissed.
 */
export function PlayerToasts() {
  const announcements = useQuestPlayerStore((s) => s.announcements);
  const dismiss = useQuestPlayerStore((s) => s.dismissAnnouncement);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {announcements.map((item) => (
        <Toast key={item.id} item={item} onDismiss={dismiss} />
      ))}
    </div>
  );
}
