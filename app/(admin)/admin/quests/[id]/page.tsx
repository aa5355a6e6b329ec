import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuestEditor } from '@/components/admin/quests/quest-editor';
import { getQuestForEditor, questOptions } from '@/lib/admin/quests/queries';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const session = await requirePermission('update:quests', `/admin/quests/${id}`);
  const quest = await getQuestForEditor(session, id);
  return { title: quest ? `Edit “${quest.title}” · Admin` : 'Quest not found' };
}

/** The editor for one quest, loaded on the server (answer keys included) and handed to the client form. */
export default async function EditQuestPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const session = await requirePermission('update:quests', `/admin/quests/${id}`);
  const [quest, options] = await Promise.all([getQuestForEditor(session, id), questOptions(session)]);
  if (!quest) notFound();
  return (
    <QuestEditor
      // A different quest (or a fresh load after creating one) starts a fresh editor.
      key={quest.id}
      initial={quest}
      options={options}
      permissions={{ canDelete: can(session.user, 'delete:quests') }}
      justCreated={search.created === '1'}
    />
  );
}
