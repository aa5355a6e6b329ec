import type { QuestEditorView } from '@/lib/admin/quests/types';
import type { PlayerStep, StepResult } from '@/lib/progress/player-types';
import { checklistChoices, quizAllowsMultiple } from '@/lib/quests/schemas';

/**
 * The preview's side of the player: a quest's saved steps in the shape the learner's player
 * renders (PlayerStep), and grading done in the browser against the answer key the admin can
 * already read. Mirrors the server's rules (lib/progress/grade-step, load-for-update) so the
 * preview behaves like the real thing; nothing here is sent or stored.
 */

export interface PreviewStep extends PlayerStep {
  /** Quizzes only: the right choice ids. */
  correct: string[];
  explanation: string | null;
}

export function previewStepsOf(quest: QuestEditorView): PreviewStep[] {
  return quest.steps.map((step, position) => {
    const base = { id: step.id, position, kind: step.kind, title: step.title, body: step.body, result: null };
    if (step.kind === 'quiz') {
      return {
        ...base,
        choices: step.choices,
        allowMultiple: quizAllowsMultiple(step),
        correct: step.answer.correct,
        explanation: step.answer.explanation,
      };
    }
    if (step.kind === 'task') {
      return { ...base, choices: checklistChoices(step.checklist), allowMultiple: false, correct: [], explanation: null };
    }
    return { ...base, choices: null, allowMultiple: false, correct: [], explanation: null };
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A quiz is right when exactly the right choices are picked; a task is done once confirmed. */
export function gradePreview(step: PreviewStep, answer: string[]): StepResult {
  if (step.kind === 'quiz') return { answer, correct: sameSet(answer, step.correct), explanation: step.explanation };
  return { answer, correct: true, explanation: null };
}

/** The share of quizzes answered right (100 without quizzes), as the server scores a completion. */
export function previewScore(steps: PlayerStep[]): number {
  const quizzes = steps.filter((s) => s.kind === 'quiz');
  if (!quizzes.length) return 100;
  return Math.round((quizzes.filter((s) => s.result?.correct).length / quizzes.length) * 100);
}
