import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/types';
import { SignOutButton } from './sign-out-button';

const navLink = 'rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900';

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white">
            W
          </span>
          WorkFree
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm font-medium">
          <Link href="/quests" className={navLink}>
            Quests
          </Link>
          {user ? (
            <>
              <Link href="/settings" className={navLink}>
                <span className="sr-only">Settings for </span>
                <span className="inline-block max-w-[9rem] truncate align-bottom">{user.fullName || user.email}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login" className={navLink}>
                Sign in
              </Link>
              <Link href="/register" className="rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700">
                Get started
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
