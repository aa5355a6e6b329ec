import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/guards';
import { findProgressForQuestSlug } from '@/lib/progress/queries';
import { slugSchema } from '@/lib/quests/schemas';
import { QuestPlayer } from './quest-player';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Quest player' };

type Props = { params: Promise<{ slug: string }> };

/** Plays the caller's started quest; without progress on it, the overview (with its Start button). */
export default async function QuestPlayPage({ params }: Props) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const session = await requireSession(`/quests/${slug}/play`);
  const progress = await findProgressForQuestSlug(session.claims, slug);
  if (!progress) redirect(`/quests/${slug}`);

  return <QuestPlayer progressId={progress.progressId} slug={slug} />;
}
