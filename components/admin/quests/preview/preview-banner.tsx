import Link from 'next/link';
import type { QuestStatus } from '@/lib/admin/quests/types';

const TEXT: Record<QuestStatus, string> = {
  draft: 'Preview — draft, learners can’t see this yet.',
  published: 'Preview — this quest is published and learners can see it.',
  archived: 'Preview — archived, learners can’t find this quest.',
};

/** Says plainly that this is a preview, what learners can see, and that nothing is recorded. */
export function PreviewBanner({ questId, status }: { questId: string; status: QuestStatus }) {
  return (
    <aside aria-label="Preview" className="rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-inset ring-amber-300">
      <p className="font-semibold">{TEXT[status]}</p>
      <p className="mt-1 text-sm">
        This is the last saved version, shown as learners see it. Nothing you do here is recorded: quiz answers are checked in your
        browser against the answer key.
      </p>
      <p className="mt-2">
        <Link href={`/admin/quests/${questId}`} className="text-sm font-semibold text-amber-950 underline underline-offset-2">
          <span aria-hidden="true">← </span>Back to the editor
        </Link>
      </p>
    </aside>
  );
}
