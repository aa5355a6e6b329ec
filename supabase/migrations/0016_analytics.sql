-- Indexes for the admin analytics dashboard (lib/admin/analytics/*). Each dashboard query reads a
-- date range of analytics_events; these let the big ones run as index-only scans, so the cost of a
-- range follows the number of events in it, not where they sit in the table. Checked with
-- scripts/analytics-explain.ts on 1,000,000 events.

-- DAU/MAU and sessions read (occurred_at, user_id, name) of every event in the range. This
-- covering index replaces 0013's plain one on occurred_at, which it serves as well.
create index idx_analytics_events_occurred_cover
  on public.analytics_events (occurred_at) include (user_id, name);
drop index public.idx_analytics_events_occurred;

-- Sign-ups and completion rate read one event name over the range with its user and quest.
-- Replaces 0013's (name, occurred_at), which it serves as well.
create index idx_analytics_events_name_occurred_cover
  on public.analytics_events (name, occurred_at) include (user_id, quest_id);
drop index public.idx_analytics_events_name_occurred;

-- The funnel reads one quest's starts, answers and completions over the range. Replaces 0013's
-- (quest_id, name, step_position), whose leading columns it keeps.
create index idx_analytics_events_quest_name_occurred
  on public.analytics_events (quest_id, name, occurred_at) include (user_id, step_position);
drop index public.idx_analytics_events_quest_name;

-- Conversion and churn follow each user's subscription changes (a few per customer): a partial
-- index holding only those, with the properties that say the status and tier.
create index idx_analytics_events_subscription_changes
  on public.analytics_events (user_id, occurred_at) include (properties)
  where name = 'subscription_changed';
