import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { prerenderPlayerMarkdown } from '@/components/player/markdown-variants';
import { ApiError } from '@/lib/api/errors';
import { requireSession } from '@/lib/auth/guards';
import type { PlayerQuest, ProgressDetailResponse } from '@/lib/progress/player-types';
import { findProgressForQuestSlug, getProgressDetail } from '@/lib/progress/queries';
import { slugSchema } from '@/lib/quests/schemas';
import { QuestPlayer } from './quest-player';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Quest player' };

type Props = { params: Promise<{ slug: string }> };

/**
 * Plays the caller's started quest; without progress on it, the overview (with its Start button).
 * The player starts from the detail loaded here, with its Markdown already rendered: the first
 * step paints without an API round trip and without the Markdown libraries in the browser.
 */
export default async function QuestPlayPage({ params }: Props) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const session = await requireSession(`/quests/${slug}/play`);
  const progress = await findProgressForQuestSlug(session.claims, slug);
  if (!progress) redirect(`/quests/${slug}`);

  const detail = await getProgressDetail(session, progress.progressId).catch((error: unknown) => {
    // A refusal (premium lapsed) is shown by the player's own error screen after it asks the API.
    if (error instanceof ApiError) return null;
    throw error;
  });
  // The database's check constraints hold difficulty and tier to the player's unions.
  const initial: ProgressDetailResponse | null = detail ? { success: true, ...detail, quest: detail.quest as PlayerQuest } : null;
  return (
    <QuestPlayer
      progressId={progress.progressId}
      slug={slug}
      initialDetail={initial}
      markdown={initial ? prerenderPlayerMarkdown(initial.steps) : {}}
    />
  );
}
