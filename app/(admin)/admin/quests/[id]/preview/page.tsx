import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuestPreview } from '@/components/admin/quests/preview/quest-preview';
import { getQuestForEditor, questOptions } from '@/lib/admin/quests/queries';
import { requirePermission } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const session = await requirePermission('update:quests', `/admin/quests/${id}/preview`);
  const quest = await getQuestForEditor(session, id);
  return { title: quest ? `Preview: ${quest.title} · Admin` : 'Quest not found' };
}

/** The saved quest exactly as learners see it, walkable step by step; nothing is recorded. */
export default async function QuestPreviewPage({ params }: Props) {
  const { id } = await params;
  const session = await requirePermission('update:quests', `/admin/quests/${id}/preview`);
  const [quest, options] = await Promise.all([getQuestForEditor(session, id), questOptions(session)]);
  if (!quest) notFound();
  const byId = new Map(options.quests.map((q) => [q.id, q]));
  const prerequisites = quest.prerequisites.flatMap((pid) => {
    const found = byId.get(pid);
    return found ? [{ id: found.id, slug: found.slug, title: found.title }] : [];
  });
  return <QuestPreview quest={quest} prerequisites={prerequisites} />;
}
