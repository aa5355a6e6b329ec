import { draftFromView, emptyDraft, emptyStep, nextChoiceId, slugify, toEditorInput, type QuestDraft } from '@/components/admin/quests/editor-draft';
import { describePath, displayPath, groupErrors, validateDraft } from '@/components/admin/quests/editor-errors';
import { editorReducer } from '@/components/admin/quests/editor-reducer';
import { STEP_IDS, makeView as view } from './fixtures';

describe('quest editor draft', () => {
  it('turns a loaded quest into a draft and back into the same API input', () => {
    const draft = draftFromView(view());
    const input = toEditorInput(draft);
    expect(input.durationMinutes).toBe(20);
    expect(input.steps.map((s) => s.id)).toEqual(STEP_IDS);
    expect(input.steps[1]).toMatchObject({ kind: 'quiz', allowMultiple: false, answer: { correct: ['b'] } });
    expect(input.steps[2]).toMatchObject({ kind: 'task', checklist: ['Query runs', 'Customers without orders are listed'] });
    expect(validateDraft(draft).success).toBe(true);
  });

  it('gives loaded items the same keys on the server and in the browser (they end up in DOM ids)', () => {
    expect(draftFromView(view())).toEqual(draftFromView(view()));
    expect(emptyDraft()).toEqual(emptyDraft());
    expect(draftFromView(view()).steps[0]!.key).toBe(STEP_IDS[0]);
  });

  it('keeps step keys by position when reloading what was just saved, so inputs do not remount', () => {
    const before = draftFromView(view());
    const after = draftFromView(view(), before);
    expect(after.steps.map((s) => s.key)).toEqual(before.steps.map((s) => s.key));
  });

  it('makes choice ids and slugs the schema accepts', () => {
    expect(nextChoiceId([{ id: 'a', text: '' }, { id: 'c', text: '' }])).toBe('b');
    expect(slugify('  Déjà vu: SQL — Joins & Keys!  ')).toBe('deja-vu-sql-joins-keys');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
  });

  it('moves a step without changing its id, and not past either end', () => {
    const draft = draftFromView(view());
    const [first] = draft.steps;
    const moved = editorReducer(draft, { type: 'moveStep', key: first!.key, by: 1 });
    expect(moved.steps.map((s) => s.id)).toEqual([STEP_IDS[1], STEP_IDS[0], STEP_IDS[2]]);
    expect(editorReducer(draft, { type: 'moveStep', key: first!.key, by: -1 })).toBe(draft);
  });

  it('keeps one right answer for a single-answer quiz and several once allowed', () => {
    let draft = draftFromView(view());
    const quiz = draft.steps[1]!;
    draft = editorReducer(draft, { type: 'addChoice', key: quiz.key });
    draft = editorReducer(draft, { type: 'toggleCorrect', key: quiz.key, choiceId: 'c' });
    expect(draft.steps[1]).toMatchObject({ correct: ['c'] });

    draft = editorReducer(draft, { type: 'setAllowMultiple', key: quiz.key, value: true });
    draft = editorReducer(draft, { type: 'toggleCorrect', key: quiz.key, choiceId: 'a' });
    expect(draft.steps[1]).toMatchObject({ correct: ['a', 'c'] });

    draft = editorReducer(draft, { type: 'setAllowMultiple', key: quiz.key, value: false });
    expect(draft.steps[1]).toMatchObject({ correct: ['a'] });

    draft = editorReducer(draft, { type: 'removeChoice', key: quiz.key, choiceId: 'a' });
    expect(draft.steps[1]).toMatchObject({ correct: [], choices: [{ id: 'b' }, { id: 'c' }] });
  });
});

describe('quest editor validation', () => {
  function badDraft(): QuestDraft {
    const draft = draftFromView(view());
    return {
      ...draft,
      title: 'ab',
      slug: 'Not A Slug',
      durationMinutes: '',
      steps: [...draft.steps, { ...emptyStep('quiz'), title: 'Quiz without a key', body: 'What is a join, really?' }],
    };
  }

  it('validates with the API schema and phrases messages for people, keyed by the API paths', () => {
    const result = validateDraft(badDraft());
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.title).toEqual(['Use at least 3 characters']);
    expect(result.errors.slug).toEqual(['Use lowercase letters, digits and single dashes']);
    expect(result.errors.durationMinutes).toEqual(['Enter a whole number']);
    expect(result.errors['steps.3.choices.0.text']).toEqual(['This is required']);
    expect(result.errors['steps.3.answer.correct']).toEqual(['Mark the right answer']);
    expect(result.errors['steps.3.answer.explanation']).toEqual(['Use at least 10 characters']);
  });

  it('shows server errors at the input or group they concern', () => {
    expect(displayPath('steps.2.choices.1.id')).toBe('steps.2.choices');
    expect(displayPath('steps.2.allowMultiple')).toBe('steps.2.answer.correct');
    expect(displayPath('steps.4.id')).toBe('steps.4');
    expect(displayPath('prerequisites.0')).toBe('prerequisites');
    expect(groupErrors({ slug: ['This slug is taken'], 'steps.0.body': ['A reading step needs real content'] })).toEqual({
      slug: ['This slug is taken'],
      'steps.0.body': ['A reading step needs real content'],
    });
  });

  it('names each field in the error summary', () => {
    expect(describePath('steps.2.choices.1.text')).toBe('Step 3 · Choice 2');
    expect(describePath('steps.0.body')).toBe('Step 1 · Content');
    expect(describePath('objectives.1')).toBe('Objective 2');
    expect(describePath('xpReward')).toBe('XP reward');
  });
});
