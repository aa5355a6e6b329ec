import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DifficultyBadge, TierBadge } from '@/components/quests/quest-badges';
import { QuestOutline } from '@/components/quests/quest-outline';
import { getQuestOverview } from '@/lib/quests/queries';
import { slugSchema } from '@/lib/quests/schemas';
import { catalogHref } from '@/lib/quests/catalog-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  // A malformed slug cannot name a quest: answer 404 without asking the database.
  if (!slugSchema.safeParse(slug).success) return null;
  return getQuestOverview(null, slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const quest = await load((await params).slug);
  return quest ? { title: quest.title, description: quest.description ?? undefined } : { title: 'Quest not found' };
}

export default async function QuestOverviewPage({ params }: Props) {
  const quest = await load((await params).slug);
  if (!quest) notFound();

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
        <div className="flex flex-wrap items-center gap-2">
          <DifficultyBadge difficulty={quest.difficulty} />
          <TierBadge tier={quest.tier} />
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">{quest.title}</h1>
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

      {quest.tier === 'premium' ? (
        <aside className="mt-8 rounded-xl bg-brand-50 p-5 ring-1 ring-brand-200">
          <h2 className="font-semibold text-brand-900">Premium quest</h2>
          <p className="mt-1 text-sm text-brand-900">
            Everyone can see what this quest covers. Its lessons, quizzes and tasks open with a premium plan.
          </p>
        </aside>
      ) : null}

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
            <ul className="mt-3 space-y-2">
              {quest.prerequisites.map((p) => (
                <li key={p.id}>
                  <Link href={`/quests/${p.slug}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                    {p.title}
                  </Link>
                </li>
              ))}
            </ul>
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
