import type { Metadata } from 'next';
import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {typeof token === 'string' && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-6 space-y-4">
          <FormAlert>This page needs the link from your reset email. Links work once and for one hour.</FormAlert>
          <Link href="/forgot-password" className="inline-block text-sm font-semibold text-brand-700 underline">
            Send a new reset link
          </Link>
        </div>
      )}
    </>
  );
}
