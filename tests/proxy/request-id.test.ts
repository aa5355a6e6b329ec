import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';

describe('proxy request ids', () => {
  it('gives a request without an id a fresh one and returns it', async () => {
    const response = await proxy(new NextRequest('http://localhost/quests'));
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed incoming id', async () => {
    const response = await proxy(new NextRequest('http://localhost/quests', { headers: { 'x-request-id': 'lb-1234abcd' } }));
    expect(response.headers.get('x-request-id')).toBe('lb-1234abcd');
  });

  it('replaces a hostile incoming id', async () => {
    const response = await proxy(
      new NextRequest('http://localhost/quests', { headers: { 'x-request-id': '<script>alert(1)</script>' } }),
    );
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
