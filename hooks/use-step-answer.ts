'use client';

import { useEffect, useRef, useState } from 'react';
import { useAnswerStep } from '@/hooks/use-quest-player';
import type { PlayerStep } from '@/lib/progress/player-types';
import { useQuestPlayerStore } from '@/store/quest-player-store';

const NONE: string[] = [];

/**
 * What a quiz or task step shows and sends: the stored answer once there is one, otherwise the
 * learner's draft; and after a submit, focus moves to the result so it is read out.
 */
export function useStepAnswer(progressId: string, step: PlayerStep) {
  const draft = useQuestPlayerStore((s) => s.drafts[step.position]) ?? NONE;
  const toggleChoice = useQuestPlayerStore((s) => s.toggleChoice);
  const answer = useAnswerStep(progressId);
  const [submitted, setSubmitted] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (submitted && step.result) resultRef.current?.focus();
  }, [submitted, step.result]);

  return {
    answered: step.result !== null,
    selected: step.result?.answer ?? draft,
    draft,
    toggle: (choiceId: string) => toggleChoice(step.position, choiceId, step.kind === 'task' || step.allowMultiple),
    submit: (ids: string[]) => answer.mutate({ position: step.position, answer: ids }, { onSuccess: () => setSubmitted(true) }),
    pending: answer.isPending,
    error: answer.error,
    resultRef,
  };
}
