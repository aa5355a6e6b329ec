import type { QuestSummary } from '@/lib/quests/queries';
import { QuestCard } from './quest-card';

export function QuestGrid({
  quests,
  className = '',
  columns = 3,
}: {
  quests: QuestSummary[];
  className?: string;
  /** At most this many columns on wide screens. */
  columns?: 2 | 3;
}) {
  const grid = columns === 2 ? 'sm:grid-cols-2' : 'sm:grid-cols-2 lg:grid-cols-3';
  return (
    <ul className={`grid gap-4 ${grid} ${className}`}>
      {quests.map((quest) => (
        <li key={quest.id}>
          <QuestCard quest={quest} />
        </li>
      ))}
    </ul>
  );
}
