import type { ReactNode } from 'react';
import { Providers } from '@/app/providers';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8"><Providers>{children}</Providers></div>
    </div>
  );
}
