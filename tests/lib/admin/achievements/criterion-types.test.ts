import { achievementCriteriaSchema, achievementInputSchema, CRITERION_LIMITS, describeCriteria } from '@/lib/achievements/criteria';
import { CRITERION_TYPE_LIST, CRITERION_TYPES, criteriaFromFields, fieldValuesOf } from '@/lib/achievements/criterion-types';
import { achievements as seedAchievements } from '@/supabase/seed/achievements';

describe('criterion types for the admin form', () => {
  it('describes every type the schema accepts, with an example the schema accepts', () => {
    const schemaTypes = achievementCriteriaSchema.options.map((o) => o.shape.type.value).sort();
    expect(CRITERION_TYPE_LIST.map((t) => t.type).sort()).toEqual(schemaTypes);
    for (const info of CRITERION_TYPE_LIST) {
      expect(achievementCriteriaSchema.parse(info.example)).toEqual(info.example);
      // The form's inputs are exactly the parameters of the type.
      expect(info.fields.map((f) => f.name).sort()).toEqual(Object.keys(info.example).filter((k) => k !== 'type').sort());
    }
  });

  it('turns form inputs into criteria and back', () => {
    for (const { criteria } of seedAchievements) {
      const parsed = achievementCriteriaSchema.parse(criteria);
      expect(criteriaFromFields(parsed.type, fieldValuesOf(parsed))).toEqual(parsed);
    }
  });

  it('leaves an empty number out, so the schema names it as missing, and drops other types’ fields', () => {
    const criteria = criteriaFromFields('quests_completed', { count: '  ', days: '7' });
    expect(criteria).toEqual({ type: 'quests_completed' });
    const result = achievementCriteriaSchema.safeParse(criteria);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['count', 'Enter a whole number']]);
  });

  it('states the bounds the schema enforces on each number input', () => {
    const streak = CRITERION_TYPES.streak_days.fields[0]!;
    expect(streak).toMatchObject({ name: 'days', min: CRITERION_LIMITS.days.min, max: CRITERION_LIMITS.days.max });
    expect(achievementCriteriaSchema.safeParse({ type: 'streak_days', days: streak.input === 'number' ? streak.min - 1 : 0 }).success).toBe(false);
    expect(achievementCriteriaSchema.safeParse({ type: 'streak_days', days: CRITERION_LIMITS.days.max + 1 }).success).toBe(false);
  });

  it('words each criterion, singular and plural', () => {
    expect(describeCriteria({ type: 'quests_completed', count: 1 })).toBe('Complete 1 quest');
    expect(describeCriteria({ type: 'quests_completed', count: 3 })).toBe('Complete 3 quests');
    expect(describeCriteria({ type: 'xp_total', amount: 5000 })).toBe('Earn 5,000 XP');
  });

  it('accepts site paths and https icons only', () => {
    const base = { slug: 'icon-test', name: 'Icon test', description: 'Checks the icon address rule.', criteria: { type: 'first_quest' }, xpReward: 0, rarity: 'common' };
    expect(achievementInputSchema.safeParse({ ...base, iconUrl: '/icons/star.svg' }).success).toBe(true);
    expect(achievementInputSchema.safeParse({ ...base, iconUrl: 'https://cdn.example/star.png' }).success).toBe(true);
    expect(achievementInputSchema.parse(base).iconUrl).toBeNull();
    for (const bad of ['http://cdn.example/star.png', '//cdn.example/star.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '/has space.png']) {
      expect([bad, achievementInputSchema.safeParse({ ...base, iconUrl: bad }).success]).toEqual([bad, false]);
    }
  });
});
