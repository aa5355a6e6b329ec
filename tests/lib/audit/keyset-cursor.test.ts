import { decodeCursor, encodeCursor, pageOf } from '@/lib/audit/keyset-cursor';

describe('keyset cursors', () => {
  const key = { at: '2025-03-01T10:00:00.123456Z', id: '2b1f3c1e-8d6a-4c1e-9a43-0c5b8c2d7e11' };

  it('round-trips the exact time and id', () => {
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a millisecond time (would skip rows)', encodeCursor({ at: '2025-03-01T10:00:00.123Z', id: key.id })],
    ['an id that is not a uuid', encodeCursor({ at: key.at, id: "x' or 1=1" })],
    ['an object instead of a pair', Buffer.from(JSON.stringify(key)).toString('base64url')],
  ])('refuses %s with a 400 naming cursor', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { cursor: expect.any(Array) } }));
  });

  it('cuts a page and points at its last row only when more rows follow', () => {
    const rows = [1, 2, 3].map((n) => ({ id: key.id.replace(/1$/, String(n)), cursorAt: key.at }));
    expect(pageOf(rows, 3)).toEqual({ rows, nextCursor: null });
    const cut = pageOf(rows, 2);
    expect(cut.rows).toEqual(rows.slice(0, 2));
    expect(decodeCursor(cut.nextCursor!)).toEqual({ at: key.at, id: rows[1]!.id });
  });
});
