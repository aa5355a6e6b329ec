import { eq } from 'drizzle-orm';
import { asService, type JwtClaims } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import type { AdminPermission } from '@/lib/auth/permissions';
import type { AppRole } from '@/lib/db/claims';
import { buildClaims } from '@/lib/auth/build-claims';
import { createAuthUser, setSubscriptionTier, setUserRole } from '@/lib/users/create-auth-user';
import { questInputSchema, type QuestInput } from '@/lib/quests/schemas';
import { upsertCatalogQuest } from '@/lib/quests/upsert-catalog-quest';

export interface TestUser {
  id: string;
  email: string;
  claims: JwtClaims;
}

let counter = 0;

/** Creates a user through lib/ (auth.users + the profile trigger) and returns their JWT claims. */
export async function createTestUser(
  options: { role?: AppRole; tier?: 'free' | 'premium'; email?: string; adminPermissions?: AdminPermission[] } = {},
): Promise<TestUser> {
  const role = options.role ?? 'user';
  const tier = options.tier ?? 'free';
  const email = options.email ?? `learner${++counter}-${Date.now()}@example.test`;
  const id = await asService('test-fixture', async (tx) => {
    const userId = await createAuthUser(tx, { email, fullName: `Test ${role}`, emailConfirmed: true });
    if (role !== 'user') await setUserRole(tx, userId, role);
    if (tier !== 'free') await setSubscriptionTier(tx, userId, tier);
    if (options.adminPermissions) {
      await tx.update(profiles).set({ adminPermissions: options.adminPermissions }).where(eq(profiles.id, userId));
    }
    return userId;
  });
  return { id, email, claims: buildClaims({ id, email, role, subscriptionTier: tier }) };
}

/** A small but valid quest: reading, quiz (answer "b"), task. */
export function testQuest(slug: string, overrides: Partial<QuestInput> = {}): QuestInput {
  return {
    slug,
    title: `Quest ${slug}`,
    description: 'A short quest used by the test suite to exercise the catalog.',
    category: 'Testing',
    difficulty: 'beginner',
    tier: 'free',
    durationMinutes: 10,
    xpReward: 100,
    prerequisites: [],
    objectives: ['Learn the thing'],
    steps: [
      { kind: 'reading', title: 'Read this', body: 'Reading body. '.repeat(10) },
      {
        kind: 'quiz',
        title: 'Answer this',
        body: 'Which option is right?',
        choices: [
          { id: 'a', text: 'Not this one' },
          { id: 'b', text: 'This one' },
        ],
        answer: { correct: ['b'], explanation: 'Because b is the right one.' },
      },
      { kind: 'task', title: 'Do this', body: 'Task instructions. '.repeat(5), checklist: ['Did it'] },
    ],
    ...overrides,
  };
}

/** Creates (or updates) a quest through lib/ as a service job; returns its id. */
export async function createTestQuest(quest: QuestInput, options: { publish?: boolean } = {}): Promise<string> {
  const parsed = questInputSchema.parse(quest);
  return asService('test-fixture', (tx) =>
    upsertCatalogQuest(tx, parsed, { prerequisiteIds: [], publish: options.publish ?? true }),
  );
}
