import { ProgressBar } from '@/components/ui/progress-bar';
import type { QuestEditorView } from '@/lib/admin/quests/types';

/** The player's header (as components/player/player-header), its back link leading to the preview's overview. */
export function PreviewHeader({
  quest,
  position,
  percentage,
  onOverview,
}: {
  quest: QuestEditorView;
  position: string;
  percentage: number;
  onOverview: () => void;
}) {
  return (
    <header className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <p className="text-sm text-slate-600">
        <button type="button" onClick={onOverview} className="font-medium text-brand-700 hover:text-brand-800 hover:underline">
          <span aria-hidden="true">← </span>
          {quest.category}
          <span className="sr-only">: quest overview</span>
        </button>
      </p>
      <h1 className="mt-2 text-xl font-bold tracking-tight text-balance text-slate-900 sm:text-2xl">{quest.title}</h1>
      <div className="mt-4 flex items-baseline justify-between gap-3 text-sm">
        <p className="font-medium text-slate-900">{position}</p>
        <p className="text-slate-600">{percentage}% complete</p>
      </div>
      <div className="mt-2">
        <ProgressBar label="Quest progress" value={percentage} valueText={`${percentage}% complete`} />
      </div>
    </header>
  );
}
