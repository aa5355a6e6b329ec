import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RarityBadge } from '@/components/achievements/rarity-badge';
import { AchievementEditor } from '@/components/admin/achievements/achievement-editor';
import { getAdminAchievement, questCategories } from '@/lib/admin/achievements/queries';
import { achievementIdSchema } from '@/lib/admin/achievements/schemas';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string) {
  const session = await requirePermission('update:quests', `/admin/achievements/${id}`);
  if (!achievementIdSchema.safeParse(id).success) notFound();
  return { session, achievement: await getAdminAchievement(session.claims, id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { achievement } = await load((await params).id);
  return { title: achievement ? `Edit “${achievement.name}” · Admin` : 'Achievement not found' };
}

/** One achievement: its fields and criterion, who qualifies, the backfill and (unearned) delete. */
export default async function EditAchievementPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { session, achievement } = await load(id);
  if (!achievement) notFound();
  const categories = await questCategories(session.claims);
  const holders = achievement.unlockCount;
  return (
    <div className="space-y-6">
      <header>
        <Link href="/admin/achievements" className="text-sm font-medium text-brand-700 hover:underline">
          ← Achievements
        </Link>
        <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{achievement.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-600">
          <RarityBadge rarity={achievement.rarity} />
          <span>
            Unlocked by {holders.toLocaleString('en-US')} learner{holders === 1 ? '' : 's'}
          </span>
        </p>
      </header>
      <AchievementEditor
        key={achievement.id}
        initial={achievement}
        categories={categories}
        permissions={{ canEdit: true, canDelete: can(session.user, 'delete:quests') }}
        justCreated={search.created === '1'}
      />
    </div>
  );
}
