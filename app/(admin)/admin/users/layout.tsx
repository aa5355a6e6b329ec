import type { ReactNode } from 'react';
import { requirePermission } from '@/lib/auth/guards';

/**
 * The section's gate, above its loading.tsx: a page's own guard runs inside the streamed loading
 * boundary, where "not found" can only be sent with status 200. The pages check again.
 */
export default async function UsersSectionLayout({ children }: { children: ReactNode }) {
  await requirePermission('manage:users', '/admin/users');
  return children;
}
