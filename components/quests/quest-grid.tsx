import type { QuestSummary } from '@/lib/quests/queries';
import { QuestCard } from './quest-card';

export function QuestGrid({ quests, className = '' }: { quests: QuestSummary[]; className?: string }) {
  return (
    <ul className={`grid gap-4 sm:grid-cols-2 lg:grid-cols-3 ${className}`}>
      {quests.map((quest) => (
        <li key={quest.id}>
          <QuestCard quest={quest} />
        </li>
      ))}
    </ul>
  );
}
