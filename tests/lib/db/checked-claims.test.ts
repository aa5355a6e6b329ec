import { checkedClaims } from '@/lib/db/claims';

describe('checkedClaims', () => {
  const valid = () => ({ sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated', aud: 'authenticated', exp: 2_000_000_000 });

  it('returns the parsed claims, and the same copy for the same object without parsing it again', () => {
    const claims = valid();
    const first = checkedClaims(claims);
    expect(first).toEqual(claims);
    expect(checkedClaims(claims)).toBe(first);
    // Another object with the same content is checked on its own.
    expect(checkedClaims(valid())).not.toBe(first);
  });

  it.each([
    ['a service_role claim', { ...valid(), role: 'service_role' }],
    ['a subject that is not a uuid', { ...valid(), sub: 'x' }],
    ['an unknown app role', { ...valid(), app_metadata: { role: 'root' } }],
    ['no object at all', null],
    ['a string', 'authenticated'],
  ])('refuses %s, every time', (_label, claims) => {
    expect(checkedClaims(claims)).toBeNull();
    expect(checkedClaims(claims)).toBeNull();
  });

  it('keeps what was checked when the object is changed afterwards: no way to become someone else', () => {
    const claims: Record<string, unknown> = valid();
    const checked = checkedClaims(claims);
    claims.role = 'service_role';
    claims.sub = '00000000-0000-4000-8000-000000000002';
    expect(checkedClaims(claims)).toBe(checked);
    expect(checked).toMatchObject({ role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' });
  });
});
