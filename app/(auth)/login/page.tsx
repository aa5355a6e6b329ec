import type { Metadata } from 'next';
import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { safeReturnPath } from '@/lib/proxy/paths';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  reset: 'Your password was changed. Sign in with the new one.',
  deleted: 'Your account has been deleted.',
  expired: 'Your session ended. Please sign in again.',
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === 'string' ? params.next : null);
  const notice = typeof params.notice === 'string' ? notices[params.notice] : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">
        New here?{' '}
        <Link href="/register" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
      {notice ? (
        <div className="mt-4">
          <FormAlert tone="success">{notice}</FormAlert>
        </div>
      ) : null}
      <LoginForm next={next} />
    </>
  );
}
