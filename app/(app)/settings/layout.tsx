import type { ReactNode } from 'react';
import { Providers } from '@/app/providers';

/** The settings forms use TanStack Query, which the root layout does not load (see app/providers.tsx). */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
