import type { ReactNode } from 'react';
import { requireSuperAdmin } from '@/lib/admin/guards';

/**
 * The section's gate, above its loading.tsx: a page's own guard runs inside the streamed loading
 * boundary, where "not found" can only be sent with status 200. The page checks again.
 */
export default async function AuditSectionLayout({ children }: { children: ReactNode }) {
  await requireSuperAdmin('/admin/audit');
  return children;
}
