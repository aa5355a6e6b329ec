'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isStaff } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { SignOutButton } from './sign-out-button';

const navLink = 'rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800';
const menuLink = 'block rounded-lg px-3 py-2.5 text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800';

const learnerLinks = [
  { href: '/quests', label: 'Quests' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/achievements', label: 'Achievements' },
  { href: '/leaderboard', label: 'Leaderboard' },
] as const;

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * A client component only to know the current path (aria-current, and closing the small-screen
 * menu on navigation). Signed in, narrow screens get a disclosure menu — a <details>, so it opens
 * without JavaScript — with "Sign out" kept outside it; wide screens show every link inline.
 */
export function SiteHeader({ user }: { user: SessionUser | null }) {
  const pathname = usePathname() ?? '/';
  const current = (href: string) => (isCurrent(pathname, href) ? ('page' as const) : undefined);
  const links = user && isStaff(user.role) ? [...learnerLinks, { href: '/admin', label: 'Admin' }] : learnerLinks;

  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="relative mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white">
            W
          </span>
          WorkFree
        </Link>
        {user ? (
          <div className="flex items-center gap-1 text-sm font-medium">
            <nav aria-label="Main" className="hidden items-center gap-1 lg:flex">
              {links.map((link) => (
                <Link key={link.href} href={link.href} aria-current={current(link.href)} className={navLink}>
                  {link.label}
                </Link>
              ))}
              <Link href="/settings" aria-current={current('/settings')} className={navLink}>
                <span className="sr-only">Settings for </span>
                <span className="inline-block max-w-[9rem] truncate align-bottom">{user.fullName || user.email}</span>
              </Link>
            </nav>
            {/* Keyed by path: a navigation remounts it closed. */}
            <details key={pathname} className="group lg:hidden">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded-lg px-3 text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
                  <path fillRule="evenodd" d="M3 5h14v1.5H3V5zm0 4.25h14v1.5H3v-1.5zM3 13.5h14V15H3v-1.5z" clipRule="evenodd" />
                </svg>
                Menu
              </summary>
              <nav
                aria-label="Main"
                className="absolute inset-x-4 top-full z-40 mt-1 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200 sm:left-auto sm:w-64"
              >
                <ul>
                  {links.map((link) => (
                    <li key={link.href}>
                      <Link href={link.href} aria-current={current(link.href)} className={menuLink}>
                        {link.label}
                      </Link>
                    </li>
                  ))}
                  <li className="mt-1 border-t border-slate-100 pt-1">
                    <Link href="/settings" aria-current={current('/settings')} className={menuLink}>
                      Settings
                      <span className="block truncate text-xs font-normal text-slate-600">{user.fullName || user.email}</span>
                    </Link>
                  </li>
                </ul>
              </nav>
            </details>
            <SignOutButton />
          </div>
        ) : (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm font-medium">
            <Link href="/quests" aria-current={current('/quests')} className={navLink}>
              Quests
            </Link>
            <Link href="/login" className={navLink}>
              Sign in
            </Link>
            <Link href="/register" className="rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700">
              Get started
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
