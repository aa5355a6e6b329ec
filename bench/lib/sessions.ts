/**
 * Bearer tokens for seeded learners, minted the way the built-in auth adapter would after a
 * sign-in: a live refresh-token family per learner (the app checks the family on every request)
 * and an HS256 access token in the same claim shape, signed with the server's AUTH_JWT_SECRET.
 * Saves a bcrypt login per learner and lets a benchmark spread load over many users.
 */
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { BENCH_EMAIL_DOMAIN } from './bench-data';

export interface MintedSession {
  userId: string;
  token: string;
}

// Must match lib/auth/jwt.ts: the app verifies issuer and audience.
const ISSUER = 'workfree';
const AUDIENCE = 'authenticated';

interface Learner {
  id: string;
  email: string;
  full_name: string | null;
  role: 'user' | 'premium' | 'admin' | 'super_admin';
  subscription_tier: 'free' | 'premium';
}

export async function signBenchToken(secret: string, learner: Learner, familyId: string, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: learner.id,
    email: learner.email,
    session_id: familyId,
    app_metadata: { role: learner.role, tier: learner.subscription_tier, provider: 'email' },
    user_metadata: { full_name: learner.full_name },
    role: 'authenticated',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(learner.id)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/**
 * Picks `count` seeded learners (active, not staff; spread over the whole id range), starts a
 * session family for each and returns their bearer tokens. `ttlSeconds` (default one hour) may
 * exceed the app's 15 minutes: the app only checks signature, expiry and the family.
 */
export async function mintAccessTokens(
  databaseUrl: string,
  options: { jwtSecret: string; count: number; ttlSeconds?: number },
): Promise<MintedSession[]> {
  const { jwtSecret, count, ttlSeconds = 3600 } = options;
  if (jwtSecret.length < 32) throw new Error('jwtSecret must be at least 32 characters (the app refuses shorter)');
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const learners = await sql<Learner[]>`
      select id, email, full_name, role, subscription_tier from public.profiles
      where email like ${'%@' + BENCH_EMAIL_DOMAIN} and suspended_at is null and role in ('user', 'premium')
      order by md5(id::text) limit ${count}`;
    if (learners.length < count) {
      throw new Error(`Only ${learners.length} seeded learners in the database, ${count} asked: run npm run bench:seed first`);
    }
    const families = learners.map((l) => ({
      user_id: l.id,
      family_id: crypto.randomUUID(),
      // The refresh token itself is never used: only its family must be live.
      token_hash: crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'),
      expires_at: new Date(Date.now() + ttlSeconds * 1000),
      user_agent: 'workfree-bench',
    }));
    for (let i = 0; i < families.length; i += 1000) {
      await sql`insert into public.refresh_tokens ${sql(families.slice(i, i + 1000))}`;
    }
    return Promise.all(
      learners.map(async (l, i) => ({ userId: l.id, token: await signBenchToken(jwtSecret, l, families[i]!.family_id, ttlSeconds) })),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}
