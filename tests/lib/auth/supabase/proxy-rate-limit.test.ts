import { NextRequest } from 'next/server';
import { supabaseAuthAdapter } from '@/lib/auth/supabase/adapter';
import { limitApiRequest } from '@/lib/proxy/api-rate-limit';
import { context, useGoTrueDouble } from './support';

/** Under Supabase Auth the proxy recognizes Supabase's tokens, so signed-in users get their own budget. */
describe('API rate limit identity under Supabase Auth', () => {
  const { double } = useGoTrueDouble({ signing: 'ES256' });

  it('counts a Supabase bearer token against the 100-per-minute user budget', async () => {
    const user = double().addUser({ email: `limit-${Date.now()}@example.com`, password: 'long enough pw' });
    const { tokens } = await supabaseAuthAdapter().login({ email: user.email, password: 'long enough pw' }, context());
    const result = await limitApiRequest(
      new NextRequest('http://localhost/api/progress', { headers: { authorization: `Bearer ${tokens.accessToken}` } }),
    );
    expect(result?.limit).toBe(100);
  });

  it('puts callers without a valid token in the 20-per-minute anonymous budget', async () => {
    const result = await limitApiRequest(new NextRequest('http://localhost/api/quests', { headers: { authorization: 'Bearer not.a.token' } }));
    expect(result?.limit).toBe(20);
  });
});
