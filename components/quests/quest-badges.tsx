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

export function TierBadge({ tier }: { tier: QuestTier }) {
  if (tier === 'free') return null;
  return (
    <Badge tone="brand">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3" fill="currentColor">
        <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z" />
      </svg>
      Premium
    </Badge>
  );
}
