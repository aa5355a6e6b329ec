import type { Ref } from 'react';
import { DifficultyBadge, TierBadge } from '@/components/quests/quest-badges';
import { PrerequisiteList } from '@/components/quests/prerequisite-list';
import { QuestCard } from '@/components/quests/quest-card';
import { QuestCover } from '@/components/quests/quest-cover';
import { QuestOutline } from '@/components/quests/quest-outline';
import type { QuestEditorView } from '@/lib/admin/quests/types';
import type { QuestSummary } from '@/lib/quests/queries';
import type { PreviewStep } from './preview-steps';

export interface PreviewPrerequisite {
  id: string;
  slug: string;
  title: string;
}

/**
 * The quest's overview as a learner sees it (the layout of app/quests/[slug], with the same
 * badges, outline and prerequisite list), with the start button walking the preview instead.
 */
export function PreviewOverview({
  quest,
  steps,
  prerequisites,
  headingRef,
  onStart,
}: {
  quest: QuestEditorView;
  steps: PreviewStep[];
  prerequisites: PreviewPrerequisite[];
  headingRef?: Ref<HTMLHeadingElement>;
  onStart: () => void;
}) {
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm text-slate-600">
        Quests <span aria-hidden="true">/</span> {quest.category}
      </p>

      <header className="mt-4">
        {quest.coverImageUrl ? <QuestCover src={quest.coverImageUrl} priority className="mb-6 rounded-xl ring-1 ring-slate-200" /> : null}
        <div className="flex flex-wrap items-center gap-2">
          <DifficultyBadge difficulty={quest.difficulty} />
          <TierBadge tier={quest.tier} />
        </div>
        <h1 ref={headingRef} tabIndex={-1} className="mt-3 text-3xl font-bold tracking-tight break-words sm:text-4xl">
          {quest.title}
        </h1>
        <p className="mt-3 text-lg text-slate-700">{quest.description}</p>
        <dl className="mt-6 grid grid-cols-3 gap-3 sm:max-w-md">
          {[
            ['Reward', `${quest.xpReward} XP`],
            ['Duration', quest.durationMinutes ? `${quest.durationMinutes} min` : '—'],
            ['Steps', String(steps.length)],
          ].map(([term, value]) => (
            <div key={term} className="rounded-lg bg-white p-3 text-center ring-1 ring-slate-200">
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
              <dd className="mt-1 font-semibold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="quest-action-heading" className="mt-8 rounded-xl bg-white p-5 ring-1 ring-slate-200">
        <h2 id="quest-action-heading" className="font-semibold text-slate-900">
          Ready when you are
        </h2>
        <div className="mt-2 space-y-3 text-sm text-slate-800">
          <p>
            {steps.length} steps{quest.durationMinutes ? `, about ${quest.durationMinutes} minutes` : ''}. You earn {quest.xpReward} XP
            when you finish.
          </p>
          <button
            type="button"
            onClick={onStart}
            disabled={steps.length === 0}
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700"
          >
            Start quest
          </button>
          {steps.length === 0 ? <p>This quest has no steps yet: add some in the editor.</p> : null}
        </div>
      </section>

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
          {prerequisites.length ? (
            <PrerequisiteList prerequisites={prerequisites.map((p) => ({ ...p, completed: false }))} showStatus={false} />
          ) : (
            <p className="mt-3 text-slate-700">No prerequisites — you can start right away.</p>
          )}
        </section>

        <section aria-labelledby="outline-heading">
          <h2 id="outline-heading" className="text-xl font-bold tracking-tight">
            Quest outline
          </h2>
          <QuestOutline steps={steps.map((s) => ({ id: s.id, position: s.position, kind: s.kind, title: s.title }))} />
        </section>
      </div>

      <section aria-labelledby="catalog-card-heading" className="mt-10 border-t border-dashed border-slate-300 pt-8">
        <h2 id="catalog-card-heading" className="text-xl font-bold tracking-tight">
          In the catalog
        </h2>
        <p className="mt-1 text-sm text-slate-600">The card learners see in the quest list.</p>
        <div className="mt-4 max-w-sm">
          <QuestCard quest={catalogCardOf(quest, steps.length)} />
        </div>
      </section>
    </div>
  );
}

/** The quest as the catalog lists it, for a learner who may start it and has not yet. */
function catalogCardOf(quest: QuestEditorView, stepCount: number): QuestSummary {
  return {
    id: quest.id,
    slug: quest.slug,
    title: quest.title,
    description: quest.description,
    category: quest.category,
    difficulty: quest.difficulty,
    tier: quest.tier,
    durationMinutes: quest.durationMinutes,
    xpReward: quest.xpReward,
    coverImageUrl: quest.coverImageUrl,
    stepCount,
    access: 'available',
    progress: null,
  };
}
