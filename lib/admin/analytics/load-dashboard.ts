import 'server-only';
import type { JwtClaims, Tx } from '@/lib/db';
import { activityMetrics, type ActivityMetrics } from './activity';
import { churnMetrics, type ChurnMetrics } from './churn';
import { completionMetrics, type CompletionMetrics } from './completions';
import { conversionMetrics, type ConversionMetrics } from './conversion';
import { questFunnel, questOptions, type QuestFunnel, type QuestOption } from './funnel';
import { readAsAnalyst } from './read-as-analyst';
import { revenueMetrics, type RevenueMetrics } from './revenue';
import type { ResolvedRange } from './schemas';
import { sessionMetrics, type SessionMetrics } from './sessions';
import { signupMetrics, type SignupMetrics } from './signups';

export interface AnalyticsMetrics {
  activity: ActivityMetrics;
  signups: SignupMetrics;
  completions: CompletionMetrics;
  /** The chosen quest's funnel, or the most started quest's; null when there is none. */
  funnel: QuestFunnel | null;
  sessions: SessionMetrics;
  conversion: ConversionMetrics;
  churn: ChurnMetrics;
  revenue: RevenueMetrics;
}

export interface AnalyticsDashboard {
  range: ResolvedRange;
  metrics: AnalyticsMetrics;
  quests: QuestOption[];
  /** True when `range.questId` names no quest the caller can read. */
  questNotFound: boolean;
}

/**
 * Every figure of the dashboard, read as the analyst (RLS: view:analytics). The metric families
 * are independent, so they run in parallel, each in its own transaction; the funnel waits for the
 * completion list only when no quest was chosen (it then shows the most started quest).
 */
export async function loadAnalyticsDashboard(claims: JwtClaims, range: ResolvedRange, now = new Date()): Promise<AnalyticsDashboard> {
  const read = <T>(fn: (tx: Tx) => Promise<T>) => readAsAnalyst(claims, fn);
  const completionsAndFunnel = read(async (tx) => {
    const completions = await completionMetrics(tx, range);
    const questId = range.questId ?? completions.quests[0]?.questId ?? null;
    return { completions, funnel: questId ? await questFunnel(tx, range, questId) : null };
  });
  const [activity, signups, { completions, funnel }, sessions, conversion, churn, revenue, quests] = await Promise.all([
    read((tx) => activityMetrics(tx, range)),
    read((tx) => signupMetrics(tx, range)),
    completionsAndFunnel,
    read((tx) => sessionMetrics(tx, range)),
    read((tx) => conversionMetrics(tx, range)),
    read((tx) => churnMetrics(tx, range)),
    read((tx) => revenueMetrics(tx, now)),
    read((tx) => questOptions(tx)),
  ]);
  return {
    range,
    metrics: { activity, signups, completions, funnel, sessions, conversion, churn, revenue },
    quests,
    questNotFound: range.questId !== null && funnel === null,
  };
}
