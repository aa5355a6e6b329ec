/**
 * The mixed learner workload of the soak and fault runs. Each request goes to a learner who has
 * no request in flight (a person does one thing at a time; it also keeps a learner's own steps in
 * order) and is one of the actions below, drawn by weight. "Play a step" follows the learner's
 * real state: start a quest when none is open, load the player to learn the steps, answer the
 * current quiz or task through the grading route, or move past a reading step with PUT — until
 * the quest completes and the learner starts another one.
 */
import type { HttpResult, LoopbackClient, RequestSpec } from './loopback-client';
import type { Outcome } from './latency-stats';

/** What a learner does, with its share of the requests (percent; they sum to 100). */
export const WORKLOAD_MIX = [
  { action: 'browse-catalog', weight: 25 }, // GET /api/quests with filters and pages
  { action: 'open-quest', weight: 15 }, // GET /api/quests/:id
  { action: 'play-step', weight: 20 }, // POST start / GET player / POST grade / PUT progress
  { action: 'read-progress', weight: 10 }, // GET /api/progress
  { action: 'open-player', weight: 8 }, // GET /api/progress/:id (or the list when no quest is open)
  { action: 'start-quest', weight: 7 }, // POST /api/quests/:id/start
  { action: 'catalog-page', weight: 5 }, // GET /quests (server-rendered page)
  { action: 'leaderboard', weight: 5 }, // GET /api/leaderboard
  { action: 'achievements', weight: 5 }, // GET /api/achievements
] as const;

export type Action = (typeof WORKLOAD_MIX)[number]['action'];

/** The request actually sent; reported separately because their costs differ. */
export type Op =
  | 'catalog-api'
  | 'quest-overview'
  | 'catalog-page'
  | 'start-quest'
  | 'progress-list'
  | 'player'
  | 'advance-step'
  | 'grade-step'
  | 'leaderboard'
  | 'achievements'
  /** Not sent: every learner had a request in flight when this one came due. */
  | 'dropped';

/**
 * 4xx answers that are a correct outcome of what the workload asked, not a failure. Learners are
 * serialised, so these only occur when a request timed out and its retry raced it; everything
 * else that is not 2xx — 429 included — is an error.
 */
export const EXPECTED_CODES: Partial<Record<Op, readonly string[]>> = {
  'grade-step': ['STEP_LOCKED', 'CONFLICT'],
  'advance-step': ['STEP_NOT_DONE'],
};

export function classifyOutcome(op: Op, status: number, code: string | undefined): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400 && status < 500 && status !== 429 && code && EXPECTED_CODES[op]?.includes(code)) return 'expected';
  return 'error';
}

/** Picks an action for a number in [0, 1). */
export function pickAction(r: number): Action {
  let point = r * 100;
  for (const { action, weight } of WORKLOAD_MIX) {
    if (point < weight) return action;
    point -= weight;
  }
  return WORKLOAD_MIX[WORKLOAD_MIX.length - 1]!.action;
}

interface StepInfo {
  position: number;
  kind: 'reading' | 'quiz' | 'task';
  choiceIds: string[];
  answered: boolean;
}

export interface Learner {
  userId: string;
  token: string;
  busy: boolean;
  quest?: { progressId: string; currentStep: number; completed: boolean; startedAt: number; steps?: StepInfo[] };
}

export interface Catalog {
  /** Every published quest id (open-quest picks among them). */
  questIds: string[];
  /** Free quests without prerequisites: any learner may start them. */
  startable: string[];
  categories: string[];
  searchWords: string[];
  totalPages: number;
}

export interface PlannedRequest {
  op: Op;
  spec: RequestSpec;
  /** Updates the learner from the answer. */
  apply?: (result: HttpResult) => void;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;

function catalogQuery(catalog: Catalog, random: () => number): string {
  const query = new URLSearchParams();
  const filter = random();
  if (filter < 0.25 && catalog.categories.length) query.set('category', pick(catalog.categories, random));
  else if (filter < 0.45) query.set('difficulty', pick(DIFFICULTIES, random));
  else if (filter < 0.55) query.set('tier', 'free');
  else if (filter < 0.65 && catalog.searchWords.length) query.set('q', pick(catalog.searchWords, random));
  // Most visitors stay on the first pages; some go deep.
  const page = random() < 0.7 ? 1 : 1 + Math.floor(random() * catalog.totalPages);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API's success bodies are `{ success: true, ...fields }`. */
interface ProgressBody {
  progress?: { id: string; currentStep: number; status: string };
  steps?: { position: number; kind: StepInfo['kind']; choices: { id: string }[] | null; result: unknown }[];
}

function startQuestRequest(learner: Learner, catalog: Catalog, random: () => number): PlannedRequest {
  const questId = pick(catalog.startable, random);
  return {
    op: 'start-quest',
    spec: { method: 'POST', path: `/api/quests/${questId}/start`, parseBody: true },
    apply: (result) => {
      const progress = (result.body as ProgressBody | undefined)?.progress;
      if (result.status >= 300 || !progress) return;
      learner.quest = { progressId: progress.id, currentStep: progress.currentStep, completed: progress.status === 'completed', startedAt: Date.now() };
    },
  };
}

function playerRequest(learner: Learner, quest: NonNullable<Learner['quest']>): PlannedRequest {
  return {
    op: 'player',
    spec: { method: 'GET', path: `/api/progress/${quest.progressId}`, parseBody: true },
    apply: (result) => {
      const data = result.body as ProgressBody | undefined;
      if (result.status >= 300 || !data?.progress || !data.steps) return;
      quest.currentStep = data.progress.currentStep;
      quest.completed = data.progress.status === 'completed';
      quest.steps = data.steps.map((s) => ({ position: s.position, kind: s.kind, choiceIds: (s.choices ?? []).map((c) => c.id), answered: s.result !== null }));
      if (quest.completed && learner.quest === quest) learner.quest = undefined;
    },
  };
}

/** The next move in the open quest: answer the current quiz or task, else step forward. */
function stepRequest(learner: Learner, quest: NonNullable<Learner['quest']>, steps: StepInfo[]): PlannedRequest {
  const current = steps.find((s) => s.position === quest.currentStep);
  if (current && current.kind !== 'reading' && !current.answered) {
    // A quiz gets one choice (right or wrong, the grade is the server's); a task ticks every item.
    const answer = current.kind === 'task' ? current.choiceIds : current.choiceIds.slice(0, 1);
    return {
      op: 'grade-step',
      spec: { method: 'POST', path: `/api/progress/${quest.progressId}/steps/${current.position}`, json: { answer }, parseBody: true },
      apply: (result) => {
        if (result.status < 300 || result.code === 'CONFLICT') current.answered = true;
      },
    };
  }
  const next = Math.min(quest.currentStep + 1, steps.length);
  const timeSpent = Math.max(0, Math.floor((Date.now() - quest.startedAt) / 1000));
  return {
    op: 'advance-step',
    spec: { method: 'PUT', path: `/api/progress/${quest.progressId}`, json: { currentStep: next, progressPercentage: 0, timeSpent }, parseBody: true },
    apply: (result) => {
      const progress = (result.body as ProgressBody | undefined)?.progress;
      if (result.status >= 300 || !progress) {
        if (result.code === 'STEP_NOT_DONE') quest.steps = undefined; // our view was stale: reload it
        return;
      }
      quest.currentStep = progress.currentStep;
      if (progress.status === 'completed' && learner.quest === quest) learner.quest = undefined;
    },
  };
}

export function planRequest(action: Action, learner: Learner, catalog: Catalog, random: () => number): PlannedRequest {
  const quest = learner.quest;
  switch (action) {
    case 'browse-catalog':
      return { op: 'catalog-api', spec: { method: 'GET', path: `/api/quests${catalogQuery(catalog, random)}` } };
    case 'open-quest':
      return { op: 'quest-overview', spec: { method: 'GET', path: `/api/quests/${pick(catalog.questIds, random)}` } };
    case 'catalog-page':
      return { op: 'catalog-page', spec: { method: 'GET', path: `/quests${catalogQuery(catalog, random)}` } };
    case 'start-quest':
      return startQuestRequest(learner, catalog, random);
    case 'read-progress':
      return { op: 'progress-list', spec: { method: 'GET', path: '/api/progress' } };
    case 'open-player':
      return quest ? playerRequest(learner, quest) : { op: 'progress-list', spec: { method: 'GET', path: '/api/progress' } };
    case 'leaderboard':
      return { op: 'leaderboard', spec: { method: 'GET', path: '/api/leaderboard?limit=20' } };
    case 'achievements':
      return { op: 'achievements', spec: { method: 'GET', path: '/api/achievements' } };
    case 'play-step':
      if (!quest || quest.completed) return startQuestRequest(learner, catalog, random);
      if (!quest.steps) return playerRequest(learner, quest);
      return stepRequest(learner, quest, quest.steps);
  }
}

/** Pages read the session from the cookie, the API from the bearer header (as the app's clients do). */
export function authHeaders(op: Op, token: string): Record<string, string> {
  return op === 'catalog-page' ? { cookie: `wf_access=${token}` } : { authorization: `Bearer ${token}` };
}

/** Round-robin over learners, skipping any with a request in flight; undefined when all are busy. */
export function nextIdleLearner(learners: Learner[], cursor: { at: number }): Learner | undefined {
  for (let i = 0; i < learners.length; i += 1) {
    const learner = learners[(cursor.at + i) % learners.length]!;
    if (!learner.busy) {
      cursor.at = (cursor.at + i + 1) % learners.length;
      return learner;
    }
  }
  return undefined;
}

interface CatalogPage {
  quests?: { id: string; title: string; tier: string; category: string; access: string }[];
  pagination?: { totalPages: number };
}

/**
 * Reads the published catalog once before the run (not measured): quest ids, categories, words to
 * search for, and which quests anyone may start (free, without prerequisites).
 */
export async function discoverCatalog(client: LoopbackClient, token: string): Promise<Catalog> {
  const headers = { authorization: `Bearer ${token}` };
  const quests: NonNullable<CatalogPage['quests']> = [];
  let totalPages = 1;
  for (let page = 1; page <= Math.min(totalPages, 20); page += 1) {
    const result = await client.request({ method: 'GET', path: `/api/quests?limit=100&page=${page}`, headers, parseBody: true });
    const data = result.body as CatalogPage | undefined;
    if (result.status !== 200 || !data?.quests) throw new Error(`GET /api/quests answered ${result.status} ${result.code ?? ''} while reading the catalog`);
    quests.push(...data.quests);
    totalPages = data.pagination?.totalPages ?? 1;
  }
  const startable: string[] = [];
  for (const quest of quests.filter((q) => q.tier === 'free').slice(0, 60)) {
    const result = await client.request({ method: 'GET', path: `/api/quests/${quest.id}`, headers, parseBody: true });
    const list = (result.body as { quest?: { prerequisites?: unknown[] } } | undefined)?.quest?.prerequisites;
    if (result.status === 200 && Array.isArray(list) && list.length === 0) startable.push(quest.id);
  }
  if (!startable.length) throw new Error('The catalog has no free quest without prerequisites to start: seed the database first.');
  const words = [...new Set(quests.flatMap((q) => q.title.split(/\s+/)).filter((w) => /^[A-Za-z]{5,}$/.test(w)))];
  return {
    questIds: quests.map((q) => q.id),
    startable,
    categories: [...new Set(quests.map((q) => q.category))],
    searchWords: words.slice(0, 50),
    // Catalog pages of 20 (the API's default page size).
    totalPages: Math.max(1, Math.ceil(quests.length / 20)),
  };
}
