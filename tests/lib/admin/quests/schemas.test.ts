import { questEditorSchema, questListQuerySchema } from '@/lib/admin/quests/schemas';
import { questInputSchema } from '@/lib/quests/schemas';
import { demoQuests } from '@/supabase/seed/catalog';
import { editorQuest, quizStep, readingStep } from './editor-fixtures';

const issuesOf = (input: unknown) => {
  const parsed = questEditorSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('questEditorSchema', () => {
  it('accepts a complete quest, and a draft with no steps or objectives yet', () => {
    expect(issuesOf(editorQuest('a-quest'))).toEqual([]);
    expect(issuesOf(editorQuest('a-draft', { steps: [], objectives: [] }))).toEqual([]);
  });

  it('requires every field of a PUT, so a forgotten steps list is an error, not an emptied quest', () => {
    const { steps: _steps, ...withoutSteps } = editorQuest('no-steps');
    expect(issuesOf(withoutSteps)).toEqual(['steps']);
  });

  it.each([
    ['slug', { slug: 'Not A Slug' }],
    ['slug', { slug: 'double--dash' }],
    ['coverImageUrl', { coverImageUrl: 'http://insecure.example/cover.png' }],
    ['coverImageUrl', { coverImageUrl: '//other-host.example/cover.png' }],
    ['coverImageUrl', { coverImageUrl: 'javascript:alert(1)' }],
    ['prerequisites.0', { prerequisites: ['not-a-uuid'] }],
    ['durationMinutes', { durationMinutes: 0 }],
    ['difficulty', { difficulty: 'expert' }],
  ])('names %s when it is invalid', (field, override) => {
    expect(issuesOf({ ...editorQuest('bad-field'), ...override })).toEqual([field]);
  });

  it('accepts site paths and https cover images', () => {
    expect(issuesOf(editorQuest('cover-a', { coverImageUrl: '/media/covers/a.png' }))).toEqual([]);
    expect(issuesOf(editorQuest('cover-b', { coverImageUrl: 'https://cdn.example/b.webp' }))).toEqual([]);
  });

  it('refuses a quiz answer that is not among its choices, repeated choices and a repeated step id', () => {
    const id = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(issuesOf(editorQuest('bad-quiz', { steps: [quizStep('Quiz', ['z'])] }))).toEqual(['steps.0.answer.correct']);
    const repeated = { ...quizStep(), choices: [{ id: 'a', text: 'One' }, { id: 'a', text: 'Two' }], answer: { correct: ['a'], explanation: 'Ten chars or more.' } };
    expect(issuesOf(editorQuest('bad-choices', { steps: [repeated] }))).toEqual(['steps.0.choices']);
    expect(issuesOf(editorQuest('twice', { steps: [{ ...readingStep(), id }, { ...quizStep(), id }] }))).toEqual(['steps.1.id']);
    expect(issuesOf(editorQuest('bad-id', { steps: [{ ...readingStep(), id: 'step-1' }] }))).toEqual(['steps.0.id']);
  });

  it('allows several right answers only when the quiz allows several', () => {
    expect(issuesOf(editorQuest('multi', { steps: [{ ...quizStep('Quiz', ['a', 'b']), allowMultiple: false }] }))).toEqual([
      'steps.0.answer.correct',
    ]);
    expect(issuesOf(editorQuest('multi-ok', { steps: [{ ...quizStep('Quiz', ['a', 'b']), allowMultiple: true }] }))).toEqual([]);
    expect(issuesOf(editorQuest('multi-implied', { steps: [quizStep('Quiz', ['a', 'b'])] }))).toEqual([]);
  });

  it('refuses a prerequisite listed twice', () => {
    const id = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(issuesOf(editorQuest('dupe-pre', { prerequisites: [id, id] }))).toEqual(['prerequisites']);
  });

  it('still validates the whole seed catalog (one set of step rules for both)', () => {
    for (const quest of demoQuests) expect(questInputSchema.safeParse(quest).success).toBe(true);
  });
});

describe('questListQuerySchema', () => {
  it('defaults to every status, page 1, 20 per page; blank filters mean no filter', () => {
    expect(questListQuerySchema.parse({ q: ' ', category: '' })).toEqual({ status: 'all', page: 1, limit: 20 });
  });

  it.each([
    ['limit', { limit: '101' }],
    ['page', { page: '0' }],
    ['status', { status: 'deleted' }],
    ['tier', { tier: 'gold' }],
  ])('refuses a bad %s', (field, query) => {
    const parsed = questListQuerySchema.safeParse(query);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});
