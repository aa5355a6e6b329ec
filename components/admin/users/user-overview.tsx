import { Timestamp } from '@/components/admin/audit/timestamp';
import { formatDuration, formatNumber } from '@/components/dashboard/format';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { AdminUserDetail } from '@/lib/admin/users/user-detail';

const card = 'rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200';
const term = 'text-xs font-medium uppercase tracking-wide text-slate-600';

/** Who the account is and where they stand: profile facts, subscription, level, XP and streak. */
export function UserOverview({ detail }: { detail: AdminUserDetail }) {
  const { profile, level, stats, streak, subscription } = detail;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="profile-heading" className={card}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className={term}>Email</dt>
            <dd className="break-all">
              {profile.email} {profile.emailVerified ? <span className="text-emerald-700">(verified)</span> : <span className="text-amber-800">(not verified)</span>}
            </dd>
          </div>
          <div>
            <dt className={term}>Time zone</dt>
            <dd>{profile.timeZone}</dd>
          </div>
          <div>
            <dt className={term}>Joined</dt>
            <dd>
              <Timestamp iso={profile.createdAt} />
            </dd>
          </div>
          <div>
            <dt className={term}>Last sign-in</dt>
            <dd>{profile.lastLoginAt ? <Timestamp iso={profile.lastLoginAt} /> : 'Never'}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className={term}>Subscription</dt>
            <dd>
              {subscription.tier === 'premium' ? 'Premium' : 'Free'} plan, {subscription.status.replace('_', ' ')}
              {subscription.plan ? (
                <span className="block text-slate-600">
                  Stripe plan {subscription.plan.planId}: {subscription.plan.status.replace('_', ' ')}
                  {subscription.plan.currentPeriodEnd
                    ? `, ${subscription.plan.cancelAtPeriodEnd ? 'ends' : 'renews'} ${new Date(subscription.plan.currentPeriodEnd).toISOString().slice(0, 10)}`
                    : ''}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="learning-heading" className={card}>
        <h2 id="learning-heading" className="text-lg font-semibold">
          Learning
        </h2>
        <p className="mt-3 text-2xl font-bold tracking-tight">
          Level {level.level} <span className="text-base font-normal text-slate-600">· {formatNumber(level.totalXp)} XP</span>
        </p>
        <ProgressBar
          className="mt-2"
          value={level.xpIntoLevel}
          max={level.xpForNextLevel}
          label={`XP towards level ${level.level + 1}`}
          valueText={`${formatNumber(level.xpIntoLevel)} of ${formatNumber(level.xpForNextLevel)} XP`}
        />
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className={term}>Completed</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatNumber(stats.completedQuests)}</dd>
          </div>
          <div>
            <dt className={term}>Avg. score</dt>
            <dd className="text-lg font-semibold tabular-nums">{stats.averageScore}%</dd>
          </div>
          <div>
            <dt className={term}>Time spent</dt>
            <dd className="text-lg font-semibold">{formatDuration(stats.totalTimeSpent)}</dd>
          </div>
          <div>
            <dt className={term}>Streak</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {streak.current} {streak.current === 1 ? 'day' : 'days'}
              <span className="block text-xs font-normal text-slate-600">longest {streak.longest}</span>
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
