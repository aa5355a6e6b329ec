import type { ReactNode } from 'react';
import { Providers } from '@/app/providers';

/** The plan buttons use TanStack Query, which the root layout does not load (see app/providers.tsx). */
export default function PricingLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
