'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * TanStack Query for the route segments whose forms and buttons use it (auth, settings, pricing,
 * a quest's overview, admin). Each of those layouts mounts this itself, rather than the root
 * layout, so pages without it (the quest player above all) do not load the library.
 */

const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 }, mutations: { retry: 0 } } });

// One client per browser tab, shared by every segment that mounts Providers, so the cache
// survives moving between them; on the server one per render (never shared between requests).
let browserClient: QueryClient | undefined;
const clientForHere = () => (typeof window === 'undefined' ? newClient() : (browserClient ??= newClient()));

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={clientForHere()}>{children}</QueryClientProvider>;
}
