import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { asUser, type JwtClaims } from '@/lib/db';
import { quests, userProgress } from '@/lib/db/schema';
import { listPublishedQuests, type QuestSummary } from './queries';
import { QUEST_DIFFICULTIES, type QuestDifficulty } from './schemas';

/** How many of the learner's latest quests say what they are into. */
const HISTORY = 10;
/** At most this many tracks are followed up, so the page runs a fixed number of queries. */
const MAX_TRACKS = 3;
/** Enough rows per candidate query for any catalog this app ships; bounded all the same. */
const CANDIDATES = 50;

interface RecentQuest {
  category: string;
  difficulty: QuestDifficulty;
  status: string;
}

/**
 * The next quests to suggest to a learner:
 *
 * 1. in the tracks of their most recent quests, at the next difficulty after the highest they have
 *    completed there (the same level while they are still working on it; advanced stays advanced);
 * 2. then beginner quests of the tracks they have not tried, one per track before a second;
 * 3. only quests they have not started, and those they can start now (access 'available') first.
 *
 * Runs as the learner (RLS, their access and progress), reusing the catalog query: one history
 * read plus at most MAX_TRACKS + 1 catalog reads, whatever the learner's history.
 */
export async function recommendedQuests(claims: JwtClaims, limit = 3): Promise<QuestSummary[]> {
  if (limit <= 0) return [];
  const recent = await recentQuests(claims);
  const targets = nextSteps(recent).slice(0, MAX_TRACKS);
  const triedTracks = new Set(recent.map((q) => q.category));

  const [followUps, beginners] = await Promise.all([
    Promise.all(
      targets.map(({ category, difficulty }) =>
        listPublishedQuests(claims, { category, difficulty, page: 1, limit: CANDIDATES }).then((r) => r.quests),
      ),
    ),
    listPublishedQuests(claims, { difficulty: 'beginner', page: 1, limit: CANDIDATES }).then((r) => r.quests),
  ]);

  const notStarted = (q: QuestSummary) => q.progress === null;
  const newTracks = beginners.filter((q) => !triedTracks.has(q.category));
  const sameTracks = beginners.filter((q) => triedTracks.has(q.category));
  const pool = dedupe([
    ...followUps.flat(),
    ...oneTrackAtATime(newTracks),
    ...sameTracks,
  ]).filter(notStarted);

  // A stable sort: the order above holds within "can start now" and within "locked".
  const ranked = [...pool.filter((q) => q.access === 'available'), ...pool.filter((q) => q.access !== 'available')];
  return ranked.slice(0, limit);
}

async function recentQuests(claims: JwtClaims): Promise<RecentQuest[]> {
  const rows = await asUser(claims, (tx) =>
    tx
      .select({ category: quests.category, difficulty: quests.difficulty, status: userProgress.status })
      .from(userProgress)
      .innerJoin(quests, eq(quests.id, userProgress.questId))
      .where(eq(userProgress.userId, claims.sub))
      .orderBy(desc(userProgress.updatedAt), desc(userProgress.startedAt))
      .limit(HISTORY),
  );
  return rows.map((r) => ({ ...r, difficulty: r.difficulty as QuestDifficulty }));
}

const rank = (d: QuestDifficulty) => QUEST_DIFFICULTIES.indexOf(d);

/** Per track, most recent first: the level to suggest next. Exported for tests of the rule. */
export function nextSteps(recent: RecentQuest[]): { category: string; difficulty: QuestDifficulty }[] {
  const tracks = new Map<string, { completed: number; started: number }>();
  for (const quest of recent) {
    const track = tracks.get(quest.category) ?? { completed: -1, started: -1 };
    if (quest.status === 'completed') track.completed = Math.max(track.completed, rank(quest.difficulty));
    else track.started = Math.max(track.started, rank(quest.difficulty));
    tracks.set(quest.category, track);
  }
  const top = QUEST_DIFFICULTIES.length - 1;
  return [...tracks].map(([category, { completed, started }]) => {
    const level = completed >= 0 ? Math.min(completed + 1, top) : Math.max(started, 0);
    return { category, difficulty: QUEST_DIFFICULTIES[level] ?? 'beginner' };
  });
}

/** Round-robin over tracks (input grouped by track), so three suggestions are three tracks. */
function oneTrackAtATime(list: QuestSummary[]): QuestSummary[] {
  const byTrack = new Map<string, QuestSummary[]>();
  for (const quest of list) byTrack.set(quest.category, [...(byTrack.get(quest.category) ?? []), quest]);
  const queues = [...byTrack.values()];
  const out: QuestSummary[] = [];
  for (let round = 0; out.length < list.length; round++) {
    for (const queue of queues) {
      const quest = queue[round];
      if (quest) out.push(quest);
    }
  }
  return out;
}

function dedupe(list: QuestSummary[]): QuestSummary[] {
  const seen = new Set<string>();
  return list.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}
