import type { Metadata } from 'next';
import { QuestEditor } from '@/components/admin/quests/quest-editor';
import { questOptions } from '@/lib/admin/quests/queries';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New quest · Admin' };

export default async function NewQuestPage() {
  const session = await requirePermission('create:quests', '/admin/quests/new');
  const options = await questOptions(session);
  return <QuestEditor initial={null} options={options} permissions={{ canDelete: can(session.user, 'delete:quests') }} />;
}
