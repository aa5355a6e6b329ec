/**
 * The shape of the generated data set, as pure numbers, shared by the seeder, the benchmark and
 * its tests. Scale 1 is the target; smaller scales keep every ratio.
 */

/** Seeded learners sign in as learner<N>@bench.workfree.test. */
export const BENCH_EMAIL_DOMAIN = 'bench.workfree.test';
/** Every seeded learner's password (they share one bcrypt hash); bench data only. */
export const BENCH_PASSWORD = 'bench-learner-password';
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/workfree_bench';

export const STEPS_PER_QUEST = 5;
/** Step kinds by position: a reading, quizzes and a checklist task. */
export const STEP_KINDS = ['reading', 'quiz', 'quiz', 'task', 'quiz'] as const;
export const CATEGORIES = [
  'Productivity',
  'Personal Finance',
  'Freelancing',
  'Remote Work',
  'Career',
  'Marketing',
  'Wellbeing',
  'Negotiation',
  'Side Projects',
  'Automation',
] as const;

export interface BenchSizes {
  scale: number;
  users: number;
  quests: number;
  /** Progress rows per learner (each on a different quest). */
  progressPerUser: number;
  progress: number;
  events: number;
  /** Multiplier walking the quest ids for a learner's progress rows (coprime with `quests`). */
  questStride: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function benchSizes(scale: number): BenchSizes {
  if (!(scale > 0 && scale <= 1)) throw new Error('scale must be a number in (0, 1]');
  const users = Math.max(200, Math.round(100_000 * scale));
  const quests = Math.max(40, Math.round(2_000 * scale));
  const progressPerUser = Math.min(20, quests);
  let questStride = Math.max(7, Math.floor(quests / progressPerUser) + 1);
  while (gcd(questStride, quests) !== 1) questStride += 1;
  return {
    scale,
    users,
    quests,
    progressPerUser,
    progress: users * progressPerUser,
    events: Math.max(1_000, Math.round(5_000_000 * scale)),
    questStride,
  };
}
