'use client';

import { useMemo, useState } from 'react';
import { gradePreview, previewScore, type PreviewStep } from '@/components/admin/quests/preview/preview-steps';
import { percentageAt } from '@/hooks/use-quest-player';
import type { StepResult } from '@/lib/progress/player-types';

export type PreviewView = 'overview' | 'steps' | 'summary';

/**
 * A walk through a quest preview, kept in the browser: the screen shown, the step, how far the
 * admin has got (for the progress bar, as a learner's `currentStep`), their selections and the
 * locally graded results. Nothing is sent; "Start over" forgets it all.
 */
export function useQuestPreview(baseSteps: PreviewStep[]) {
  const [view, setView] = useState<PreviewView>('overview');
  const [stepIndex, setStepIndex] = useState(0);
  const [reached, setReached] = useState(0);
  const [drafts, setDrafts] = useState<Record<number, string[]>>({});
  const [results, setResults] = useState<Record<number, StepResult>>({});

  const steps = useMemo(() => baseSteps.map((s) => ({ ...s, result: results[s.position] ?? null })), [baseSteps, results]);
  const total = steps.length;

  function go(to: number) {
    if (to >= total) {
      setReached(total);
      setView('summary');
      return;
    }
    const index = Math.max(0, to);
    setReached((r) => Math.max(r, index));
    setStepIndex(index);
    setView('steps');
  }

  return {
    view,
    steps,
    step: steps[stepIndex] ?? null,
    stepIndex,
    total,
    percentage: percentageAt(steps, reached),
    score: previewScore(steps),
    completed: reached >= total && total > 0,
    draftOf: (position: number) => drafts[position] ?? [],
    toggle(position: number, choiceId: string, multiple: boolean) {
      setDrafts((d) => {
        const current = d[position] ?? [];
        const next = !multiple ? [choiceId] : current.includes(choiceId) ? current.filter((id) => id !== choiceId) : [...current, choiceId];
        return { ...d, [position]: next };
      });
    },
    answer(step: PreviewStep, ids: string[]) {
      setResults((r) => ({ ...r, [step.position]: gradePreview(step, ids) }));
    },
    /** Preview only: lets the admin try a quiz again (learners' first answer is final). */
    clearAnswer(position: number) {
      setResults(({ [position]: _gone, ...rest }) => rest);
      setDrafts(({ [position]: _gone, ...rest }) => rest);
    },
    start: () => go(0),
    go,
    showOverview: () => setView('overview'),
    showSummary: () => setView('summary'),
    review: () => {
      setStepIndex(0);
      setView('steps');
    },
    restart() {
      setDrafts({});
      setResults({});
      setReached(0);
      setStepIndex(0);
      setView('overview');
    },
  };
}

export type QuestPreviewState = ReturnType<typeof useQuestPreview>;
