import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { QuestStatus } from '@/lib/admin/quests/types';

const tone: Record<QuestStatus, BadgeTone> = { draft: 'neutral', published: 'green', archived: 'amber' };
export const questStatusLabel: Record<QuestStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

/** A quest's state in words (never colour alone). */
export function QuestStatusBadge({ status }: { status: QuestStatus }) {
  return <Badge tone={tone[status]}>{questStatusLabel[status]}</Badge>;
}
