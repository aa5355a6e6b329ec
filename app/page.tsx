import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { QuestGrid } from '@/components/quests/quest-grid';
import { catalogHref } from '@/lib/quests/catalog-params';
import { listFeaturedQuests, listQuestCategories } from '@/lib/quests/queries';

export const dynamic = 'force-dynamic';

const loop = [
  { title: 'Pick a quest', text: 'Short, focused lessons: read, answer a quiz, then do a real task.' },
  { title: 'Earn XP', text: 'Every finished quest pays out XP. Quizzes are graded on the server, fairly.' },
  { title: 'Level up', text: 'XP fills your level bar; streaks and achievements mark your milestones.' },
];

export default async function LandingPage() {
  const [featured, categories] = await Promise.all([listFeaturedQuests(null), listQuestCategories(null)]);
  const questCount = categories.reduce((n, c) => n + c.count, 0);
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Gamified learning</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Learn real skills one quest at a time.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-700">
            {questCount} hands-on quests across {categories.length} tracks — from your first SQL query to
            hardening a web app. Earn XP, level up, and keep your streak alive.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/quests">Browse quests</ButtonLink>
            <ButtonLink href={catalogHref({ difficulty: 'beginner' })} variant="secondary">
              Start with a beginner quest
            </ButtonLink>
          </div>
        </div>
      </section>

      <section aria-labelledby="how-heading" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <h2 id="how-heading" className="text-2xl font-bold tracking-tight">
          How it works
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-3">
          {loop.map((item, i) => (
            <li key={item.title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <span className="grid size-8 place-items-center rounded-full bg-brand-100 text-sm font-bold text-brand-800">
                {i + 1}
              </span>
              <h3 className="mt-3 font-semibold">{item.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{item.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="tracks-heading" className="mx-auto max-w-6xl px-4 py-4 sm:px-6">
        <h2 id="tracks-heading" className="text-2xl font-bold tracking-tight">
          Tracks
        </h2>
        <ul className="mt-4 flex flex-wrap gap-2">
          {categories.map((category) => (
            <li key={category.name}>
              <Link
                href={catalogHref({ category: category.name })}
                className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
              >
                {category.name}
                <span className="ml-2 text-xs text-slate-600">{category.count} quests</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {featured.length > 0 ? (
        <section aria-labelledby="featured-heading" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
          <h2 id="featured-heading" className="text-2xl font-bold tracking-tight">
            Free quests to start with
          </h2>
          <QuestGrid quests={featured} className="mt-6" />
        </section>
      ) : null}
    </>
  );
}
