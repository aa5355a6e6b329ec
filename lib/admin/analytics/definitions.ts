/**
 * What each figure on the analytics dashboard means, in one place: the page shows these next to
 * the numbers and the README repeats them. The queries in this folder implement exactly this.
 * Plain data (no server-only): client components may read it.
 */
export const TIME_ZONE_NOTE = 'Days are UTC calendar days; a range includes both its first and its last day.';

export const METRIC_DEFINITIONS = {
  dau: 'Daily active users: distinct signed-in users with at least one activity event (sign-up, login, quest start, step answered, quest completed, checkout started) on that UTC day; subscription changes come from Stripe’s webhook, not from the user, so they do not count. Average DAU is the mean over every day of the range, quiet days included.',
  mau: 'Monthly active users: distinct users with any activity event in the 30 days ending on the range’s last day.',
  dauMau: 'DAU/MAU (stickiness): the average DAU over the same 30 days as MAU, divided by MAU.',
  signups: 'Sign-ups: accounts created (sign_up events) per UTC day.',
  completion: 'Completion rate: of the learner–quest pairs that started a quest in the range, the share that completed it by the range’s end. Completions of quests started earlier are not counted, so the rate never exceeds 100 %.',
  funnel: 'Drop-off for one quest, among the learners who started it in the range (followed to the range’s end). “Reached” counts learners whose furthest recorded point is this step or later: the furthest step they answered (starting opens step 1), or every step once they completed. Reading steps record no answer, so a learner who stops on one counts at the last step they answered. “Answered” counts learners who submitted this step.',
  sessions: 'Average session duration: each user’s activity events split wherever more than 30 minutes pass without an event; a session lasts from its first to its last event. Sessions with a single event have no measurable length and are left out of the average (their number is shown). Sessions are cut at the range’s edges and counted on the day they start.',
  conversion: 'Free → paid conversion: of the users who signed up in the range, the share whose subscription became active (paid; a trial does not count) by the range’s end.',
  churn: 'Churn: of the customers paying at the start of the range (premium through a subscription: active, trialing, or past due within the 3-day grace), the share no longer premium at its end. Customers who joined during the range are not in either count.',
  mrr: 'MRR: monthly recurring revenue now, from every subscription that currently grants premium (active, trialing, or past due within grace), at its plan’s price; yearly plans count a twelfth of their price. Subscriptions on a price the app does not know are listed but not summed. Not affected by the date range.',
} as const;

export type MetricKey = keyof typeof METRIC_DEFINITIONS;
