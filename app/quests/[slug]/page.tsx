import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DifficultyBadge, TierBadge } from '@/components/quests/quest-badges';
import { PrerequisiteList } from '@/components/quests/prerequisite-list';
import { QuestCover } from '@/components/quests/quest-cover';
import { QuestOutline } from '@/components/quests/quest-outline';
import { currentSession } from '@/lib/auth/session';
import { getQuestOverview } from '@/lib/quests/queries';
import { slugSchema } from '@/lib/quests/schemas';
import { catalogHref } from '@/lib/quests/catalog-params';
import { QuestAction } from './quest-action';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** Read once per request (metadata and page), as the caller, so access and progress are theirs. */
const load = cache(async (slug: string) => {
  // A malformed slug cannot name a quest: answer 404 without asking the database.
  if (!slugSchema.safeParse(slug).success) return null;
  const session = await currentSession();
  const quest = await getQuestOverview(session?.claims ?? null, slug);
  return quest ? { quest, signedIn: session !== null } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).slug);
  return loaded
    ? { title: loaded.quest.title, description: loaded.quest.description ?? undefined }
    : { title: 'Quest not found' };
}

export default async function QuestOverviewPage({ params }: Props) {
  const loaded = await load((await params).slug);
  if (!loaded) notFound();
  const { quest, signedIn } = loaded;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/quests" className="hover:text-slate-900 hover:underline">
              Quests
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={catalogHref({ category: quest.category })} className="hover:text-slate-900 hover:underline">
              {quest.category}
            </Link>
          </li>
        </ol>
      </nav>

      <header className="mt-4">
        {quest.coverImageUrl ? (
          <QuestCover src={quest.coverImageUrl} priority sizes="(min-width: 896px) 848px, 100vw" className="mb-6 rounded-xl ring-1 ring-slate-200" />
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <DifficultyBadge difficulty={quest.difficulty} />
          <TierBadge tier={quest.tier} locked={quest.access === 'premium_locked'} />
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight break-words sm:text-4xl">{quest.title}</h1>
        <p className="mt-3 text-lg text-slate-700">{quest.description}</p>
        <dl className="mt-6 grid grid-cols-3 gap-3 sm:max-w-md">
          {[
            ['Reward', `${quest.xpReward} XP`],
            ['Duration', quest.durationMinutes ? `${quest.durationMinutes} min` : '—'],
            ['Steps', String(quest.stepCount)],
          ].map(([term, value]) => (
            <div key={term} className="rounded-lg bg-white p-3 text-center ring-1 ring-slate-200">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{term}</dt>
              <dd className="mt-1 font-semibold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <QuestAction quest={quest} signedIn={signedIn} />

      <div className="mt-10 grid gap-10 md:grid-cols-[1fr_1.2fr]">
        <section aria-labelledby="objectives-heading">
          <h2 id="objectives-heading" className="text-xl font-bold tracking-tight">
            What you will learn
          </h2>
          <ul className="mt-4 space-y-2">
            {quest.objectives.map((objective) => (
              <li key={objective} className="flex gap-2 text-slate-700">
                <span aria-hidden="true" className="mt-1 text-emerald-600">
                  ✓
                </span>
                {objective}
              </li>
            ))}
          </ul>

          <h2 className="mt-8 text-xl font-bold tracking-tight">Before you start</h2>
          {quest.prerequisites.length ? (
            <PrerequisiteList prerequisites={quest.prerequisites} showStatus={signedIn} />
          ) : (
            <p className="mt-3 text-slate-700">No prerequisites — you can start right away.</p>
          )}
        </section>

        <section aria-labelledby="outline-heading">
          <h2 id="outline-heading" className="text-xl font-bold tracking-tight">
            Quest outline
          </h2>
          <QuestOutline steps={quest.outline} />
        </section>
      </div>
    </div>
  );
}
