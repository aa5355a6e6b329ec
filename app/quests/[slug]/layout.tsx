import type { ReactNode } from 'react';
import { Providers } from '@/app/providers';

/** The quest overview's start button use TanStack Query, which the root layout does not load (see app/providers.tsx). */
export default function QuestOverviewLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
