import type { Metadata } from 'next';
import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { env } from '@/lib/env';
import { VerifyEmailToken } from './verify-email-token';

export const metadata: Metadata = { title: 'Verify your email' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : null;
  // The embedded mail port keeps mail in an outbox; point local users at the mailbox page.
  const localMailbox = !env().SENDGRID_API_KEY && process.env.NODE_ENV !== 'production';
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Verify your email</h1>
      {token ? (
        <VerifyEmailToken token={token} />
      ) : (
        <div className="mt-6 space-y-4">
          <FormAlert tone="info">
            {params.sent ? 'Account created! ' : ''}We sent you a link to confirm your email address. It works for 24 hours.
          </FormAlert>
          {localMailbox ? (
            <p className="text-sm text-slate-700">
              Running locally? Mail is kept in the{' '}
              <Link href="/dev/mailbox" className="font-semibold text-brand-700 underline">
                development mailbox
              </Link>
              .
            </p>
          ) : null}
          <Link href="/quests" className="inline-block text-sm font-semibold text-brand-700 underline">
            Continue to the quests
          </Link>
        </div>
      )}
    </>
  );
}
