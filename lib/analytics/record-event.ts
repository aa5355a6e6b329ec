import 'server-only';
import { asService, type Tx } from '@/lib/db';
import { analyticsEvents } from '@/lib/db/schema';

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

/** Records an event inside a service-role transaction that is already open (same commit as the fact). */
export async function recordEventIn(tx: Tx, event: AnalyticsEvent): Promise<void> {
  await tx.insert(analyticsEvents).values({
    name: event.name,
    userId: event.userId ?? null,
    questId: event.questId ?? null,
    stepPosition: event.stepPosition ?? null,
    properties: event.properties ?? {},
  });
}

/**
 * Records an event on its own, after the fact it describes has committed. Analytics must never
 * break the request it observes: a failure is logged and swallowed.
 */
export async function recordEvent(event: AnalyticsEvent): Promise<void> {
  try {
    await asService('analytics-event', (tx) => recordEventIn(tx, event));
  } catch (error) {
    console.error(JSON.stringify({ level: 'warn', msg: 'analytics event not recorded', event: event.name, error: String(error) }));
  }
}
