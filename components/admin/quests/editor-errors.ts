import type { z } from 'zod';
import { questEditorSchema, type QuestEditorValues } from '@/lib/admin/quests/schemas';
import { toEditorInput, type QuestDraft } from './editor-draft';

/**
 * Validation for the quest editor: the same `questEditorSchema` the API uses, with messages
 * phrased for people, keyed by the same dotted paths the API puts in `fields` (`steps.2.body`),
 * so client and server errors land next to the same inputs.
 */

export type EditorErrors = Record<string, string[]>;

const ARRAY_ITEMS: Record<string, string> = { choices: 'choices', checklist: 'checklist items', objectives: 'objectives', steps: 'steps' };

/** Plain-language messages for zod's generic issues; the schema's own messages win over these. */
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  const last = String(issue.path?.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? 'This is required' : `Use at least ${min} characters`;
      if (issue.origin === 'array' && last === 'correct') return 'Mark the right answer';
      if (issue.origin === 'array') return `Add at least ${min} ${ARRAY_ITEMS[last] ?? 'items'}`;
      if (issue.origin === 'number') return `Use ${min} or more`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${max} characters`;
      if (issue.origin === 'array') return `Use at most ${max}`;
      if (issue.origin === 'number') return `Use ${max} or less`;
      return undefined;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'Enter a whole number' : undefined;
    default:
      return undefined;
  }
}

/**
 * Where an error is shown: its own input when it has one, otherwise the nearest group (a wrong
 * choice id shows at the choices, a duplicate step id at the step).
 */
const DISPLAY_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^steps\.(\d+)\.(title|body)$/, (m) => `steps.${m[1]}.${m[2]}`],
  [/^steps\.(\d+)\.choices\.(\d+)\.text$/, (m) => `steps.${m[1]}.choices.${m[2]}.text`],
  [/^steps\.(\d+)\.choices(\..*)?$/, (m) => `steps.${m[1]}.choices`],
  [/^steps\.(\d+)\.answer\.explanation$/, (m) => `steps.${m[1]}.answer.explanation`],
  [/^steps\.(\d+)\.(answer|allowMultiple)(\..*)?$/, (m) => `steps.${m[1]}.answer.correct`],
  [/^steps\.(\d+)\.checklist\.(\d+)$/, (m) => `steps.${m[1]}.checklist.${m[2]}`],
  [/^steps\.(\d+)\.checklist(\..*)?$/, (m) => `steps.${m[1]}.checklist`],
  [/^steps\.(\d+)(\..*)?$/, (m) => `steps.${m[1]}`],
  [/^steps(\..*)?$/, () => 'steps'],
  [/^objectives\.(\d+)$/, (m) => `objectives.${m[1]}`],
  [/^objectives(\..*)?$/, () => 'objectives'],
  [/^prerequisites(\..*)?$/, () => 'prerequisites'],
  [/^(title|slug|description|category|difficulty|tier|durationMinutes|xpReward|coverImageUrl)$/, (m) => m[1]!],
];

export function displayPath(path: string): string {
  for (const [pattern, to] of DISPLAY_PATTERNS) {
    const match = path.match(pattern);
    if (match) return to(match);
  }
  return '_root';
}

/** Errors (from zod or from the API's `fields`) regrouped by where they are shown. */
export function groupErrors(fields: Record<string, string[] | undefined>): EditorErrors {
  const grouped: EditorErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    if (!messages?.length) continue;
    const key = displayPath(path);
    grouped[key] = [...new Set([...(grouped[key] ?? []), ...messages])];
  }
  return grouped;
}

export type Validation = { success: true; data: QuestEditorValues } | { success: false; errors: EditorErrors };

export function validateDraft(draft: QuestDraft): Validation {
  const result = questEditorSchema.safeParse(toEditorInput(draft), { error: friendlyMessage });
  if (result.success) return { success: true, data: result.data };
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_root';
    (fields[path] ??= []).push(issue.message);
  }
  return { success: false, errors: groupErrors(fields) };
}

/** The DOM id of the input (or group) that shows errors for a display path. */
export const fieldId = (path: string) => `qe-${path.replace(/\./g, '-')}`;

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  description: 'Description',
  category: 'Category',
  difficulty: 'Difficulty',
  tier: 'Plan',
  durationMinutes: 'Duration',
  xpReward: 'XP reward',
  coverImageUrl: 'Cover image',
  objectives: 'Objectives',
  prerequisites: 'Prerequisites',
  steps: 'Steps',
  _root: 'Quest',
};

/** "Step 3 · Choice 2" — how the error summary names a field. */
export function describePath(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const objective = path.match(/^objectives\.(\d+)$/);
  if (objective) return `Objective ${Number(objective[1]) + 1}`;
  const step = path.match(/^steps\.(\d+)(?:\.(.*))?$/);
  if (!step) return path;
  const where = `Step ${Number(step[1]) + 1}`;
  const rest = step[2] ?? '';
  const choice = rest.match(/^choices\.(\d+)\.text$/);
  if (choice) return `${where} · Choice ${Number(choice[1]) + 1}`;
  const item = rest.match(/^checklist\.(\d+)$/);
  if (item) return `${where} · Checklist item ${Number(item[1]) + 1}`;
  const labels: Record<string, string> = {
    '': where,
    title: `${where} · Title`,
    body: `${where} · Content`,
    choices: `${where} · Choices`,
    'answer.correct': `${where} · Correct answer`,
    'answer.explanation': `${where} · Explanation`,
    checklist: `${where} · Checklist`,
  };
  return labels[rest] ?? where;
}

/** The error paths in the order their fields appear on the page (the summary and focus follow it). */
export function orderedPaths(errors: EditorErrors, inDocument?: Document): string[] {
  const paths = Object.keys(errors);
  if (!inDocument) return paths;
  const position = (path: string) => inDocument.getElementById(fieldId(path));
  return paths.sort((a, b) => {
    const ea = position(a);
    const eb = position(b);
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
