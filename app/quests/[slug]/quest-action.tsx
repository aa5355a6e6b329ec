import Link from 'next/link';
import type { ReactNode } from 'react';
import { LockIcon } from '@/components/quests/quest-badges';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ButtonLink } from '@/components/ui/button-link';
import type { QuestOverview } from '@/lib/quests/queries';
import { StartQuestButton } from './start-quest-button';

function Panel({ title, children, tone = 'neutral' }: { title: string; children: ReactNode; tone?: 'neutral' | 'brand' | 'green' }) {
  const ring = { neutral: 'bg-white ring-slate-200', brand: 'bg-brand-50 ring-brand-200', green: 'bg-emerald-50 ring-emerald-200' }[tone];
  return (
    <section aria-labelledby="quest-action-heading" className={`mt-8 rounded-xl p-5 ring-1 ${ring}`}>
      <h2 id="quest-action-heading" className="font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-2 space-y-3 text-sm text-slate-800">{children}</div>
    </section>
  );
}

/**
 * The one thing to do next on a quest's overview, decided by the caller's session, access and
 * progress. The server re-checks everything when the quest is started or played.
 */
export function QuestAction({ quest, signedIn }: { quest: QuestOverview; signedIn: boolean }) {
  const playHref = `/quests/${quest.slug}/play`;
  const { progress } = quest;

  if (!signedIn) {
    return (
      <Panel title="Ready to learn?">
        <p>Sign in to start this quest and keep your progress, XP and streak.</p>
        <ButtonLink href={`/login?next=${encodeURIComponent(`/quests/${quest.slug}`)}`}>Sign in to start</ButtonLink>
      </Panel>
    );
  }

  if (quest.access === 'premium_locked') {
    return (
      <Panel title="Premium quest" tone="brand">
        <p className="flex items-start gap-2">
          <LockIcon className="mt-0.5 size-4 shrink-0 text-brand-800" />
          <span>Everyone can see what this quest covers. Its lessons, quizzes and tasks open with a premium plan.</span>
        </p>
        <ButtonLink href="/pricing">Upgrade to premium</ButtonLink>
      </Panel>
    );
  }

  if (progress?.status === 'completed') {
    return (
      <Panel title="You completed this quest" tone="green">
        <p>
          <span aria-hidden="true">✓ </span>
          {progress.score !== null ? `Your score: ${progress.score}%.` : 'Well done.'} Go over it again any time.
        </p>
        <ButtonLink href={playHref} variant="secondary">
          Review quest
        </ButtonLink>
      </Panel>
    );
  }

  if (progress) {
    const step = Math.min(progress.currentStep + 1, Math.max(quest.stepCount, 1));
    return (
      <Panel title="Pick up where you left off">
        <p>
          Step {step} of {quest.stepCount} · {progress.progressPercentage}% done
        </p>
        <ProgressBar
          value={progress.progressPercentage}
          label={`Progress on ${quest.title}`}
          valueText={`Step ${step} of ${quest.stepCount}, ${progress.progressPercentage}% done`}
          className="max-w-sm"
        />
        <ButtonLink href={playHref}>Continue quest</ButtonLink>
      </Panel>
    );
  }

  if (quest.access === 'prerequisites_locked') {
    const missing = quest.prerequisites.filter((p) => !p.completed);
    return (
      <Panel title="Finish these first">
        <p className="flex items-start gap-2">
          <LockIcon className="mt-0.5 size-4 shrink-0 text-amber-800" />
          <span>This quest builds on others. Complete them to unlock it:</span>
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {missing.map((p) => (
            <li key={p.id}>
              <Link href={`/quests/${p.slug}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                {p.title}
              </Link>
            </li>
          ))}
        </ul>
      </Panel>
    );
  }

  return (
    <Panel title="Ready when you are">
      <p>
        {quest.stepCount} steps{quest.durationMinutes ? `, about ${quest.durationMinutes} minutes` : ''}. You earn{' '}
        {quest.xpReward} XP when you finish.
      </p>
      <StartQuestButton questId={quest.id} slug={quest.slug} />
    </Panel>
  );
}
