import type { Metadata } from 'next';
import Image from 'next/image';
import { AvatarForm } from '@/components/settings/avatar-form';
import { DataExport } from '@/components/settings/data-export';
import { Badge } from '@/components/ui/badge';
import { requireSession } from '@/lib/auth/guards';
import { billingOverview } from '@/lib/billing/queries';
import { isOptimizedImage } from '@/lib/media/optimized-image';
import { readAvatarUrl } from '@/lib/storage/avatars';
import { BillingSection } from './billing-section';
import { LearningPreferencesForm } from './learning-preferences-form';
import { ChangePasswordForm, DeleteAccountSection, ProfileForm, ResendVerificationButton, SignOutEverywhere } from './settings-forms';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

function Section({
  id,
  anchor,
  title,
  description,
  children,
}: {
  id: string;
  anchor?: string;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <section id={anchor} aria-labelledby={id} className="scroll-mt-20 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{description}</p>
      <div className="mt-5">{children}</div>
    </section>
  );
}

/** Every IANA zone this runtime knows, plus UTC (the default) and the learner's own, sorted. */
function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(current);
  return ['UTC', ...[...zones].filter((z) => z !== 'UTC').sort()];
}

export default async function SettingsPage() {
  const session = await requireSession('/settings');
  const { user } = session;
  const [billing, avatarUrl] = await Promise.all([billingOverview(session), readAvatarUrl(session)]);
  const initials = (user.fullName ?? user.email).trim().slice(0, 1).toUpperCase();

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>

      <Section id="profile-heading" title="Profile" description="How you appear in WorkFree.">
        <div className="mb-5 flex items-center gap-4">
          {/* Decorative here: the picture is described in its own section below. */}
          {avatarUrl ? (
            <Image
              src={avatarUrl}
              alt=""
              width={56}
              height={56}
              unoptimized={!isOptimizedImage(avatarUrl)}
              className="size-14 shrink-0 rounded-full bg-slate-100 object-cover ring-1 ring-slate-200"
            />
          ) : (
            <span aria-hidden="true" className="grid size-14 shrink-0 place-items-center rounded-full bg-brand-100 text-xl font-bold text-brand-800">
              {initials}
            </span>
          )}
          <div className="text-sm">
            <p className="font-medium text-slate-900">{user.email}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2">
              {user.emailVerified ? <Badge tone="green">Email verified</Badge> : <Badge tone="amber">Email not verified</Badge>}
              <Badge tone={user.tier === 'premium' ? 'brand' : 'neutral'}>{user.tier === 'premium' ? 'Premium' : 'Free plan'}</Badge>
            </p>
          </div>
        </div>
        {!user.emailVerified ? <ResendVerificationButton /> : null}
        <ProfileForm fullName={user.fullName ?? ''} />
      </Section>

      <Section id="avatar-heading" anchor="avatar" title="Profile picture" description="Shown with your profile. Anyone who has the image's link can open it, so pick one you are happy to share.">
        <AvatarForm avatarUrl={avatarUrl} />
      </Section>

      <Section
        id="learning-preferences-heading"
        title="Learning preferences"
        description="When your learning day starts, and whether you compete on the weekly leaderboard."
      >
        <LearningPreferencesForm
          timeZone={user.timeZone ?? 'UTC'}
          leaderboardOptIn={user.leaderboardOptIn ?? false}
          timeZones={timeZoneOptions(user.timeZone ?? 'UTC')}
        />
      </Section>

      <Section id="billing-heading" anchor="billing" title="Billing" description="Your plan, and where to change, cancel or resume it.">
        <BillingSection overview={billing} />
      </Section>

      <Section id="password-heading" title="Password" description="Changing it signs out your other devices.">
        <ChangePasswordForm />
      </Section>

      <Section id="sessions-heading" title="Sessions" description="Signed in somewhere you no longer use? End every session, including this one.">
        <SignOutEverywhere />
      </Section>

      <Section id="data-export-heading" anchor="your-data" title="Download your data" description="A copy of your WorkFree data, as a JSON file you can keep or take elsewhere.">
        <DataExport />
      </Section>

      <Section id="delete-heading" title="Delete account" description="Removes your profile, progress, XP and achievements for good, and ends any paid subscription with its billing record. This cannot be undone.">
        <DeleteAccountSection />
      </Section>
    </div>
  );
}
