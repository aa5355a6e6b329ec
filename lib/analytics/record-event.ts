import 'server-only';
import { afterCommit, asService, type Tx } from '@/lib/db';
import { analyticsEvents } from '@/lib/db/schema';
import { appMetrics } from '@/lib/observability/app-metrics';
import { logger } from '@/lib/observability/logger';

/** The events the app records; the migration's check constraint holds the same list. */
export const ANALYTICS_EVENTS = [
  'sign_up',
  'login',
  'quest_start',
  'step_answered',
  'quest_complete',
  'checkout_started',
  'subscription_changed',
] as const;
export type AnalyticsEventName = (typeof ANALYTICS_EVENTS)[number];

export interface AnalyticsEvent {
  name: AnalyticsEventName;
  userId?: string | null;
  questId?: string | null;
  stepPosition?: number | null;
  properties?: Record<string, unknown>;
}

/**
 * Records an event inside a service-role transaction that is already open (same commit as the fact).
 * The business counters of /api/metrics move only once that transaction commits, so they never
 * count a completion that was rolled back; the analytics table stays the durable record.
 */
export async function recordEventIn(tx: Tx, event: AnalyticsEvent): Promise<void> {
  await tx.insert(analyticsEvents).values({
    name: event.name,
    userId: event.userId ?? null,
    questId: event.questId ?? null,
    stepPosition: event.stepPosition ?? null,
    properties: event.properties ?? {},
  });
  afterCommit(() => countCommitted(event));
}

function countCommitted(event: AnalyticsEvent): void {
  const metrics = appMetrics();
  if (event.name === 'sign_up') metrics.signups.inc();
  if (event.name === 'quest_complete') {
    metrics.questCompletions.inc();
    // The completion's own grant, as the event states it (0 when the quest had been completed before).
    const xp = Number(event.properties?.xpEarned ?? 0);
    if (Number.isFinite(xp) && xp > 0) metrics.xpGranted.inc({}, xp);
  }
}

/**
 * Records an event on its own, after the fact it describes has committed. Analytics must never
 * break the request it observes: a failure is logged and swallowed.
 */
export async function recordEvent(event: AnalyticsEvent): Promise<void> {
  try {
    await asService('analytics-event', (tx) => recordEventIn(tx, event));
  } catch (error) {
    logger().warn({ event: event.name, err: error }, 'analytics event not recorded');
  }
}
