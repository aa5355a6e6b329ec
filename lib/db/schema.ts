import {
  boolean,
  char,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { encryptedText } from '@/lib/crypto/encrypted-column';

/**
 * Typed mirror of supabase/migrations for Drizzle's query builder. The migrations are the source
 * of truth; tests/lib/db/schema-mirror.test.ts fails when this file drifts from them.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export type Choice = { id: string; text: string };
export type QuestContent = { objectives?: string[] };

export const profiles = pgTable('profiles', {
  id: uuid('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull(),
  fullName: varchar('full_name', { length: 255 }),
  avatarUrl: text('avatar_url'),
  role: varchar('role', { length: 50 }).notNull().default('user'),
  subscriptionTier: varchar('subscription_tier', { length: 50 }).notNull().default('free'),
  subscriptionStatus: varchar('subscription_status', { length: 50 }).notNull().default('active'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  emailVerified: boolean('email_verified').notNull().default(false),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  timeZone: varchar('time_zone', { length: 64 }).notNull().default('UTC'),
  leaderboardOptIn: boolean('leaderboard_opt_in').notNull().default(false),
  adminPermissions: text('admin_permissions').array(),
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  /** Encrypted at rest (migration 0021). */
  suspendedReason: encryptedText('profiles.suspended_reason')('suspended_reason'),
});

export const quests = pgTable('quests', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: varchar('slug', { length: 80 }).notNull(),
  title: varchar('title', { length: 255 }).notNull(),
  description: text('description'),
  difficulty: varchar('difficulty', { length: 50 }).notNull(),
  category: varchar('category', { length: 100 }).notNull(),
  tier: varchar('tier', { length: 20 }).notNull().default('free'),
  durationMinutes: integer('duration_minutes'),
  xpReward: integer('xp_reward').notNull(),
  prerequisites: jsonb('prerequisites').$type<string[]>().notNull().default([]),
  content: jsonb('content').$type<QuestContent>().notNull().default({}),
  isPublished: boolean('is_published').notNull().default(false),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  coverImageUrl: text('cover_image_url'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  /** Live (not archived) steps; kept by triggers on quest_steps (migration 0022), never written by the app. */
  stepCount: integer('step_count').notNull().default(0),
});

export const questSteps = pgTable('quest_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  questId: uuid('quest_id').notNull(),
  position: integer('position').notNull(),
  kind: varchar('kind', { length: 20 }).notNull(),
  title: varchar('title', { length: 255 }).notNull(),
  body: text('body').notNull(),
  choices: jsonb('choices').$type<Choice[] | null>(),
  allowMultiple: boolean('allow_multiple').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** Set when the step was removed from a quest learners may have answered; position is then negative. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const questStepAnswers = pgTable('quest_step_answers', {
  stepId: uuid('step_id').primaryKey(),
  correctChoiceIds: jsonb('correct_choice_ids').$type<string[]>().notNull(),
  explanation: text('explanation').notNull(),
  updatedAt: updatedAt(),
});

export const userProgress = pgTable('user_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  questId: uuid('quest_id').notNull(),
  status: varchar('status', { length: 50 }).notNull().default('in_progress'),
  progressPercentage: integer('progress_percentage').notNull().default(0),
  currentStep: integer('current_step').notNull().default(0),
  totalSteps: integer('total_steps'),
  timeSpentSeconds: integer('time_spent_seconds').notNull().default(0),
  score: integer('score'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  updatedAt: updatedAt(),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
});

export const achievements = pgTable('achievements', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: varchar('slug', { length: 80 }).notNull(),
  name: varchar('name', { length: 255 }).notNull(),
  description: text('description'),
  iconUrl: text('icon_url'),
  criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
  xpReward: integer('xp_reward').notNull().default(0),
  rarity: varchar('rarity', { length: 50 }).notNull().default('common'),
  createdAt: createdAt(),
});

export const userAchievements = pgTable('user_achievements', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  achievementId: uuid('achievement_id').notNull(),
  unlockedAt: timestamp('unlocked_at', { withTimezone: true }).notNull().defaultNow(),
});

export const subscriptions = pgTable('subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  stripeCustomerId: varchar('stripe_customer_id', { length: 255 }),
  stripeSubscriptionId: varchar('stripe_subscription_id', { length: 255 }),
  planId: varchar('plan_id', { length: 100 }).notNull(),
  status: varchar('status', { length: 50 }).notNull(),
  currentPeriodStart: timestamp('current_period_start', { withTimezone: true }),
  currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
  cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  pastDueSince: timestamp('past_due_since', { withTimezone: true }),
});

export const refreshTokens = pgTable('refresh_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  familyId: uuid('family_id').notNull(),
  tokenHash: char('token_hash', { length: 64 }).notNull(),
  parentId: uuid('parent_id'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: varchar('revoked_reason', { length: 50 }),
  /** Encrypted at rest (migration 0021), like ip. */
  userAgent: encryptedText('refresh_tokens.user_agent')('user_agent'),
  ip: encryptedText('refresh_tokens.ip')('ip'),
});

export const authTokens = pgTable('auth_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  purpose: varchar('purpose', { length: 20 }).$type<'verify_email' | 'reset_password'>().notNull(),
  tokenHash: char('token_hash', { length: 64 }).notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Outbox and delivery log of the mail port (lib/mail); service role only. */
export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toEmail: varchar('to_email', { length: 255 }).notNull(),
  subject: varchar('subject', { length: 255 }).notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body'),
  template: varchar('template', { length: 50 }).notNull(),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  provider: varchar('provider', { length: 20 }).$type<'outbox' | 'sendgrid'>().notNull(),
  providerMessageId: text('provider_message_id'),
  error: text('error'),
});

export const stepAnswers = pgTable('step_answers', {
  id: uuid('id').primaryKey().defaultRandom(),
  progressId: uuid('progress_id').notNull(),
  userId: uuid('user_id').notNull(),
  stepId: uuid('step_id').notNull(),
  answer: jsonb('answer').$type<string[]>().notNull(),
  correct: boolean('correct').notNull(),
  answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
});

export const xpLedger = pgTable('xp_ledger', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  questId: uuid('quest_id'),
  achievementId: uuid('achievement_id'),
  reason: varchar('reason', { length: 30 }).$type<'quest_completed' | 'achievement_unlocked'>().notNull(),
  amount: integer('amount').notNull(),
  createdAt: createdAt(),
});

export const learningDays = pgTable('learning_days', {
  userId: uuid('user_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  createdAt: createdAt(),
});

export const billingCustomers = pgTable('billing_customers', {
  userId: uuid('user_id').primaryKey(),
  stripeCustomerId: varchar('stripe_customer_id', { length: 255 }).notNull(),
  createdAt: createdAt(),
});

export const stripeEvents = pgTable('stripe_events', {
  id: varchar('id', { length: 255 }).primaryKey(),
  type: varchar('type', { length: 100 }).notNull(),
  stripeCreatedAt: timestamp('stripe_created_at', { withTimezone: true }).notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const analyticsEvents = pgTable('analytics_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 40 }).notNull(),
  userId: uuid('user_id'),
  questId: uuid('quest_id'),
  stepPosition: integer('step_position'),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  actorId: uuid('actor_id'),
  actorEmail: varchar('actor_email', { length: 255 }).notNull(),
  action: varchar('action', { length: 60 }).notNull(),
  targetType: varchar('target_type', { length: 40 }).notNull(),
  targetId: varchar('target_id', { length: 100 }),
  targetLabel: varchar('target_label', { length: 255 }),
  before: jsonb('before').$type<Record<string, unknown> | null>(),
  after: jsonb('after').$type<Record<string, unknown> | null>(),
  requestId: varchar('request_id', { length: 100 }),
  createdAt: createdAt(),
});

/** Outcomes of offline-queued progress events, keyed by the learner's client event id (migration 0019). */
export const progressClientEvents = pgTable('progress_client_events', {
  userId: uuid('user_id').notNull(),
  clientEventId: uuid('client_event_id').notNull(),
  kind: varchar('kind', { length: 20 }).$type<'progress_update' | 'step_answer'>().notNull(),
  progressId: uuid('progress_id').notNull(),
  response: jsonb('response').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

/** Every table in `public`, by its SQL name: the RLS and mirror tests walk this list. */
export const publicTables = {
  profiles,
  quests,
  quest_steps: questSteps,
  quest_step_answers: questStepAnswers,
  user_progress: userProgress,
  achievements,
  user_achievements: userAchievements,
  subscriptions,
  refresh_tokens: refreshTokens,
  auth_tokens: authTokens,
  step_answers: stepAnswers,
  xp_ledger: xpLedger,
  learning_days: learningDays,
  billing_customers: billingCustomers,
  stripe_events: stripeEvents,
  analytics_events: analyticsEvents,
  mail_outbox: mailOutbox,
  audit_log: auditLog,
  progress_client_events: progressClientEvents,
} as const;
