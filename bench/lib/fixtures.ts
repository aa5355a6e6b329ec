/**
 * What the scenarios send, read from the seeded database before the run: bearer tokens for many
 * learners (so the 100-a-minute per-user API limit never binds), their playable in-progress rows
 * for PUT, unanswered quiz steps they stand on for grading, and a deep catalog page.
 */
import postgres from 'postgres';
import { CATEGORIES } from './bench-data';
import { mintAccessTokens } from './sessions';

export interface Fixtures {
  tokens: { userId: string; token: string }[];
  /** In-progress rows on published quests the learner may play: PUT keeps their step and time. */
  playable: { token: string; progressId: string; currentStep: number }[];
  /** Quiz steps reached and not yet answered: each grading is a first answer (real grading work). */
  gradable: { token: string; progressId: string; position: number }[];
  category: string;
  /** The catalog filter of both catalog scenarios, and the last full page under it. */
  deepFilter: string;
  deepPage: number;
}

export async function loadFixtures(databaseUrl: string, jwtSecret: string, learners: number): Promise<Fixtures> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ users } = { users: 0 }] = await sql<{ users: number }[]>`
      select count(*)::int as users from public.profiles where email like '%@bench.workfree.test'`;
    const tokens = await mintAccessTokens(databaseUrl, { jwtSecret, count: Math.min(learners, users), ttlSeconds: 3 * 3600 });
    const tokenOf = new Map(tokens.map((t) => [t.userId, t.token]));
    const rows = await sql<{ id: string; user_id: string; current_step: number; quiz_open: boolean }[]>`
      select up.id, up.user_id, up.current_step,
             exists (select 1 from public.quest_steps s where s.quest_id = up.quest_id and s.position = up.current_step and s.kind = 'quiz' and s.archived_at is null)
             and not exists (select 1 from public.step_answers a join public.quest_steps s on s.id = a.step_id
                             where a.progress_id = up.id and s.position = up.current_step) as quiz_open
      from public.user_progress up
      join public.quests q on q.id = up.quest_id
      join public.profiles p on p.id = up.user_id
      where up.user_id = any(${tokens.map((t) => t.userId)}::uuid[]) and up.status = 'in_progress'
        and q.is_published and q.archived_at is null and (q.tier = 'free' or p.subscription_tier = 'premium')
      order by md5(up.id::text)`;
    const playable = rows.map((r) => ({ token: tokenOf.get(r.user_id)!, progressId: r.id, currentStep: r.current_step }));
    const gradable = rows
      .filter((r) => r.quiz_open)
      .map((r) => ({ token: tokenOf.get(r.user_id)!, progressId: r.id, position: r.current_step }));
    const deepFilter = 'tier=free';
    const [{ total } = { total: 0 }] = await sql<{ total: number }[]>`
      select count(*)::int as total from public.quests where is_published and tier = 'free'`;
    return { tokens, playable, gradable, category: CATEGORIES[0], deepFilter, deepPage: Math.max(1, Math.floor(total / 20)) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
