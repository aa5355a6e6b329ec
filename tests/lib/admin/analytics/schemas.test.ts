import { analyticsExportSchema, analyticsQuerySchema, lastDays } from '@/lib/admin/analytics/schemas';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('analytics range schema', () => {
  it('defaults to the last 30 days, today (UTC) included', () => {
    const parsed = analyticsQuerySchema.parse({});
    expect(parsed).toEqual({ ...lastDays(30), days: 30, questId: null });
    expect(lastDays(30, new Date('2025-03-10T23:30:00Z'))).toEqual({ from: '2025-02-09', to: '2025-03-10' });
  });

  it('treats blank values as missing and fills a lone end 30 days either way', () => {
    expect(analyticsQuerySchema.parse({ from: '2025-03-01', to: '', questId: '' })).toEqual({ from: '2025-03-01', to: '2025-03-30', days: 30, questId: null });
    expect(analyticsQuerySchema.parse({ to: '2025-03-30' })).toMatchObject({ from: '2025-03-01', days: 30 });
  });

  it('accepts one day and a full leap year (366 days), both ends counted', () => {
    expect(analyticsQuerySchema.parse({ from: '2025-03-10', to: '2025-03-10' }).days).toBe(1);
    expect(analyticsQuerySchema.parse({ from: '2024-01-01', to: '2024-12-31' }).days).toBe(366);
  });

  it.each([
    ['from', { from: '2025-03-02', to: '2025-03-01' }],
    ['to', { from: '2024-01-01', to: '2025-01-01' }],
    ['from', { from: 'yesterday', to: '2025-03-01' }],
    ['to', { from: '2025-02-01', to: '2025-02-30' }],
    ['questId', { questId: 'not-a-uuid' }],
  ])('refuses bad input naming %s', (field, input) => {
    expect(fieldsOf(analyticsQuerySchema.safeParse(input))).toEqual([field]);
  });

  it('requires a known metric, and a quest for the funnel export', () => {
    expect(fieldsOf(analyticsExportSchema.safeParse({ metric: 'revenue' }))).toEqual(['metric']);
    expect(fieldsOf(analyticsExportSchema.safeParse({ metric: 'funnel' }))).toEqual(['questId']);
    expect(analyticsExportSchema.parse({ metric: 'dau', from: '2025-03-01', to: '2025-03-02' })).toEqual({
      from: '2025-03-01',
      to: '2025-03-02',
      days: 2,
      questId: null,
      metric: 'dau',
    });
  });
});
