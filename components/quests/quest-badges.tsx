import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { QuestDifficulty, QuestTier } from '@/lib/quests/schemas';

const difficultyTone: Record<QuestDifficulty, BadgeTone> = {
  beginner: 'green',
  intermediate: 'amber',
  advanced: 'rose',
};

export const difficultyLabel: Record<QuestDifficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export function DifficultyBadge({ difficulty }: { difficulty: QuestDifficulty }) {
  return <Badge tone={difficultyTone[difficulty]}>{difficultyLabel[difficulty]}</Badge>;
}

export function LockIcon({ className = 'size-3' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path
        fillRule="evenodd"
        d="M10 1a4.5 4.5 0 00-4.5 4.5V9H5a2 2 0 00-2 2v6a2 2 0 002 2h10a2 2 0 002-2v-6a2 2 0 00-2-2h-.5V5.5A4.5 4.5 0 0010 1zm3 8V5.5a3 3 0 10-6 0V9h6z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/** "Premium" for premium quests; with `locked`, a lock icon and the reason in words for screen readers. */
export function TierBadge({ tier, locked = false }: { tier: QuestTier; locked?: boolean }) {
  if (tier === 'free') return null;
  return (
    <Badge tone="brand">
      {locked ? (
        <LockIcon />
      ) : (
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3" fill="currentColor">
          <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z" />
        </svg>
      )}
      Premium
      {locked ? <span className="sr-only"> (locked: needs a premium plan)</span> : null}
    </Badge>
  );
}
