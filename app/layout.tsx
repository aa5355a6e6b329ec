import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ServiceWorkerRegistration } from '@/components/pwa/service-worker-registration';
import { currentSession } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'WorkFree — learn by doing', template: '%s · WorkFree' },
  description:
    'Hands-on quests in web development, data, security, Python and DevOps. Earn XP, level up and keep your streak.',
  applicationName: 'WorkFree',
  appleWebApp: { capable: true, title: 'WorkFree', statusBarStyle: 'default' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#4f46e5',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {/* No query provider here: the segments that use TanStack Query mount it (app/providers.tsx). */}
        <SiteHeader user={session?.user ?? null} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
