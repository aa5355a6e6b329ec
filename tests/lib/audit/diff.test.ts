import { changedFields, formatAuditValue } from '@/lib/audit/diff';

describe('changedFields', () => {
  it('lists only the keys whose values changed, sorted', () => {
    expect(
      changedFields(
        { role: 'user', adminPermissions: null, suspendedAt: null, suspendedReason: null },
        { role: 'user', adminPermissions: null, suspendedAt: '2025-01-01T00:00:00.000Z', suspendedReason: 'Spam' },
      ),
    ).toEqual([
      { key: 'suspendedAt', before: null, after: '2025-01-01T00:00:00.000Z' },
      { key: 'suspendedReason', before: null, after: 'Spam' },
    ]);
  });

  it('compares arrays and objects by value, and counts a missing key as null', () => {
    expect(changedFields({ list: ['a', 'b'], meta: { x: 1 } }, { list: ['a', 'b'], meta: { x: 1 } })).toEqual([]);
    expect(changedFields({ list: ['a'] }, { list: ['a', 'b'] })).toEqual([{ key: 'list', before: ['a'], after: ['a', 'b'] }]);
    expect(changedFields({ gone: 1 }, { added: 2 })).toEqual([
      { key: 'added', before: null, after: 2 },
      { key: 'gone', before: 1, after: null },
    ]);
  });

  it('shows every key of a creation or a removal', () => {
    expect(changedFields(null, { title: 'New quest', isPublished: false })).toEqual([
      { key: 'isPublished', before: null, after: false },
      { key: 'title', before: null, after: 'New quest' },
    ]);
    expect(changedFields({ title: 'Old quest' }, null)).toEqual([{ key: 'title', before: 'Old quest', after: null }]);
    expect(changedFields(null, null)).toEqual([]);
  });
});

describe('formatAuditValue', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    ['premium', 'premium'],
    [false, 'false'],
    [3, '3'],
    [['view:analytics'], '["view:analytics"]'],
  ])('prints %p as %p', (value, text) => {
    expect(formatAuditValue(value)).toBe(text);
  });
});
