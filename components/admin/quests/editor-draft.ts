import type { QuestEditorInput } from '@/lib/admin/quests/schemas';
import type { QuestEditorView } from '@/lib/admin/quests/types';
import { quizAllowsMultiple, type QuestDifficulty, type QuestTier, type StepKind } from '@/lib/quests/schemas';

/**
 * The quest editor's working copy. It differs from the API's shape only where a form needs it to:
 * numbers are the text the admin typed, list items carry a `key` so React keeps each input (and
 * its focus) when items move, and a quiz keeps its answer key next to its choices.
 * `toEditorInput` turns it into exactly what `questEditorSchema` validates and the API receives.
 */

export interface DraftChoice {
  /** Sent as the choice id: a short lowercase token the answer key refers to. */
  id: string;
  text: string;
}

export interface DraftItem {
  key: string;
  text: string;
}

interface DraftStepBase {
  /** Client-only identity for React and focus; stays put when the step moves. */
  key: string;
  /** The stored step's id; absent until a new step is first saved. */
  id?: string;
  title: string;
  body: string;
}

export type DraftStep =
  | (DraftStepBase & { kind: 'reading' })
  | (DraftStepBase & { kind: 'quiz'; choices: DraftChoice[]; correct: string[]; allowMultiple: boolean; explanation: string })
  | (DraftStepBase & { kind: 'task'; checklist: DraftItem[] });

export interface QuestDraft {
  title: string;
  slug: string;
  description: string;
  category: string;
  difficulty: QuestDifficulty;
  tier: QuestTier;
  durationMinutes: string;
  xpReward: string;
  coverImageUrl: string | null;
  objectives: DraftItem[];
  /** Quest ids, in the order the admin picked them. */
  prerequisites: string[];
  steps: DraftStep[];
}

let counter = 0;
/**
 * A key for an item added in the browser; never sent to the server. Items loaded with the page
 * get keys derived from their data instead (`step.id`, `objective-0`), so the server's render and
 * the browser's agree (hydration) — `new-` keys can never collide with those.
 */
export const newKey = (prefix = 'k') => `new-${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const CHOICE_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first free choice id: a, b, c… (the schema allows short lowercase tokens). */
export function nextChoiceId(choices: DraftChoice[]): string {
  const used = new Set(choices.map((c) => c.id));
  for (const letter of CHOICE_LETTERS) if (!used.has(letter)) return letter;
  let n = 1;
  while (used.has(`c${n}`)) n++;
  return `c${n}`;
}

/** A URL slug from a title: lowercase ASCII words joined by single dashes, at most 80 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export function emptyStep(kind: StepKind): DraftStep {
  const base = { key: newKey('step'), title: '', body: '' };
  if (kind === 'quiz') {
    return {
      ...base,
      kind,
      choices: [
        { id: 'a', text: '' },
        { id: 'b', text: '' },
      ],
      correct: [],
      allowMultiple: false,
      explanation: '',
    };
  }
  if (kind === 'task') return { ...base, kind, checklist: [{ key: newKey('item'), text: '' }] };
  return { ...base, kind };
}

export function emptyDraft(): QuestDraft {
  return {
    title: '',
    slug: '',
    description: '',
    category: '',
    difficulty: 'beginner',
    tier: 'free',
    durationMinutes: '15',
    xpReward: '100',
    coverImageUrl: null,
    objectives: [{ key: 'objective-0', text: '' }],
    prerequisites: [],
    steps: [],
  };
}

/**
 * The draft of a loaded quest. `previous` (the draft that was just saved) lends its keys to the
 * steps at the same index, so saving (which gives new steps their ids) does not remount them.
 */
export function draftFromView(view: QuestEditorView, previous?: QuestDraft): QuestDraft {
  const stepKey = (index: number, id: string) => previous?.steps[index]?.key ?? id;
  const itemKey = (items: DraftItem[] | undefined, index: number, prefix: string) => items?.[index]?.key ?? `${prefix}-${index}`;
  return {
    title: view.title,
    slug: view.slug,
    description: view.description,
    category: view.category,
    difficulty: view.difficulty,
    tier: view.tier,
    durationMinutes: String(view.durationMinutes),
    xpReward: String(view.xpReward),
    coverImageUrl: view.coverImageUrl,
    objectives: view.objectives.map((text, i) => ({ key: itemKey(previous?.objectives, i, 'objective'), text })),
    prerequisites: [...view.prerequisites],
    steps: view.steps.map((step, index): DraftStep => {
      const base = { key: stepKey(index, step.id), id: step.id, title: step.title, body: step.body };
      if (step.kind === 'quiz') {
        return {
          ...base,
          kind: 'quiz',
          choices: step.choices.map((c) => ({ id: c.id, text: c.text })),
          correct: [...step.answer.correct],
          allowMultiple: quizAllowsMultiple(step),
          explanation: step.answer.explanation,
        };
      }
      if (step.kind === 'task') {
        const before = previous?.steps[index];
        const keys = before?.kind === 'task' ? before.checklist : undefined;
        return { ...base, kind: 'task', checklist: step.checklist.map((text, i) => ({ key: itemKey(keys, i, `${step.id}-item`), text })) };
      }
      return { ...base, kind: 'reading' };
    }),
  };
}

/** Typed text → number; blank or not a number stays as is so the schema names the field. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The draft as the API's input (`questEditorSchema`'s input type). */
export function toEditorInput(draft: QuestDraft): QuestEditorInput {
  return {
    title: draft.title,
    slug: draft.slug.trim(),
    description: draft.description,
    category: draft.category,
    difficulty: draft.difficulty,
    tier: draft.tier,
    // Left undefined when blank: the schema then reports "Enter a number" at this field.
    durationMinutes: toNumber(draft.durationMinutes) as number,
    xpReward: toNumber(draft.xpReward) as number,
    coverImageUrl: draft.coverImageUrl,
    objectives: draft.objectives.map((o) => o.text),
    prerequisites: draft.prerequisites,
    steps: draft.steps.map((step) => {
      const id = step.id ? { id: step.id } : {};
      if (step.kind === 'quiz') {
        return {
          ...id,
          kind: 'quiz' as const,
          title: step.title,
          body: step.body,
          choices: step.choices.map((c) => ({ id: c.id, text: c.text })),
          allowMultiple: step.allowMultiple,
          answer: { correct: step.correct, explanation: step.explanation },
        };
      }
      if (step.kind === 'task') {
        return { ...id, kind: 'task' as const, title: step.title, body: step.body, checklist: step.checklist.map((i) => i.text) };
      }
      return { ...id, kind: 'reading' as const, title: step.title, body: step.body };
    }),
  };
}
