import type { StepKind } from '@/lib/quests/schemas';
import { emptyStep, newKey, nextChoiceId, type DraftStep, type QuestDraft } from './editor-draft';

/** Every edit the quest editor makes to its draft. Pure, so the rules are tested without a DOM. */

type ScalarField = 'title' | 'slug' | 'description' | 'category' | 'difficulty' | 'tier' | 'durationMinutes' | 'xpReward';

export type EditorAction =
  | { type: 'reset'; draft: QuestDraft }
  | { type: 'setField'; field: ScalarField; value: string }
  | { type: 'setCover'; url: string | null }
  | { type: 'addObjective' }
  | { type: 'setObjective'; key: string; text: string }
  | { type: 'removeObjective'; key: string }
  | { type: 'togglePrerequisite'; id: string }
  | { type: 'addStep'; kind: StepKind }
  | { type: 'moveStep'; key: string; by: -1 | 1 }
  | { type: 'removeStep'; key: string }
  | { type: 'setStepText'; key: string; field: 'title' | 'body' | 'explanation'; value: string }
  | { type: 'setAllowMultiple'; key: string; value: boolean }
  | { type: 'addChoice'; key: string }
  | { type: 'setChoice'; key: string; choiceId: string; text: string }
  | { type: 'removeChoice'; key: string; choiceId: string }
  | { type: 'toggleCorrect'; key: string; choiceId: string }
  | { type: 'addChecklistItem'; key: string }
  | { type: 'setChecklistItem'; key: string; itemKey: string; text: string }
  | { type: 'removeChecklistItem'; key: string; itemKey: string };

export const MAX_CHOICES = 6;
export const MAX_CHECKLIST_ITEMS = 10;

function updateStep(draft: QuestDraft, key: string, change: (step: DraftStep) => DraftStep): QuestDraft {
  return { ...draft, steps: draft.steps.map((step) => (step.key === key ? change(step) : step)) };
}

export function editorReducer(draft: QuestDraft, action: EditorAction): QuestDraft {
  switch (action.type) {
    case 'reset':
      return action.draft;
    case 'setField':
      return { ...draft, [action.field]: action.value };
    case 'setCover':
      return { ...draft, coverImageUrl: action.url };
    case 'addObjective':
      return { ...draft, objectives: [...draft.objectives, { key: newKey('objective'), text: '' }] };
    case 'setObjective':
      return { ...draft, objectives: draft.objectives.map((o) => (o.key === action.key ? { ...o, text: action.text } : o)) };
    case 'removeObjective':
      return { ...draft, objectives: draft.objectives.filter((o) => o.key !== action.key) };
    case 'togglePrerequisite':
      return {
        ...draft,
        prerequisites: draft.prerequisites.includes(action.id)
          ? draft.prerequisites.filter((id) => id !== action.id)
          : [...draft.prerequisites, action.id],
      };
    case 'addStep':
      return { ...draft, steps: [...draft.steps, emptyStep(action.kind)] };
    case 'moveStep': {
      const from = draft.steps.findIndex((s) => s.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= draft.steps.length) return draft;
      const steps = [...draft.steps];
      [steps[from], steps[to]] = [steps[to]!, steps[from]!];
      return { ...draft, steps };
    }
    case 'removeStep':
      return { ...draft, steps: draft.steps.filter((s) => s.key !== action.key) };
    case 'setStepText':
      return updateStep(draft, action.key, (step) =>
        action.field === 'explanation' ? (step.kind === 'quiz' ? { ...step, explanation: action.value } : step) : { ...step, [action.field]: action.value },
      );
    case 'setAllowMultiple':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'quiz'
          ? step
          : // One right answer again: keep the first one ticked rather than silently breaking the key.
            { ...step, allowMultiple: action.value, correct: action.value ? step.correct : step.correct.slice(0, 1) },
      );
    case 'addChoice':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'quiz' || step.choices.length >= MAX_CHOICES
          ? step
          : { ...step, choices: [...step.choices, { id: nextChoiceId(step.choices), text: '' }] },
      );
    case 'setChoice':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'quiz' ? step : { ...step, choices: step.choices.map((c) => (c.id === action.choiceId ? { ...c, text: action.text } : c)) },
      );
    case 'removeChoice':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'quiz'
          ? step
          : {
              ...step,
              choices: step.choices.filter((c) => c.id !== action.choiceId),
              correct: step.correct.filter((id) => id !== action.choiceId),
            },
      );
    case 'toggleCorrect':
      return updateStep(draft, action.key, (step) => {
        if (step.kind !== 'quiz') return step;
        if (!step.allowMultiple) return { ...step, correct: [action.choiceId] };
        const correct = step.correct.includes(action.choiceId)
          ? step.correct.filter((id) => id !== action.choiceId)
          : // Keep the key in the choices' order, as the learner sees them.
            step.choices.map((c) => c.id).filter((id) => id === action.choiceId || step.correct.includes(id));
        return { ...step, correct };
      });
    case 'addChecklistItem':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'task' || step.checklist.length >= MAX_CHECKLIST_ITEMS
          ? step
          : { ...step, checklist: [...step.checklist, { key: newKey('item'), text: '' }] },
      );
    case 'setChecklistItem':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'task' ? step : { ...step, checklist: step.checklist.map((i) => (i.key === action.itemKey ? { ...i, text: action.text } : i)) },
      );
    case 'removeChecklistItem':
      return updateStep(draft, action.key, (step) =>
        step.kind !== 'task' ? step : { ...step, checklist: step.checklist.filter((i) => i.key !== action.itemKey) },
      );
  }
}
