import type { Permission } from '@/lib/auth/permissions';

/**
 * The admin area's sections and what each needs: the nav, the overview and the page guards read
 * this one list. `superAdminOnly` sections (the audit log) need the super_admin role itself.
 */
export interface AdminSection {
  href: string;
  label: string;
  description: string;
  permission: Permission | null;
  superAdminOnly?: boolean;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: '/admin/quests', label: 'Quests', description: 'Author, preview, publish and archive quests.', permission: 'update:quests' },
  { href: '/admin/achievements', label: 'Achievements', description: 'Define achievements and award them to learners who qualify.', permission: 'update:quests' },
  { href: '/admin/users', label: 'Users', description: 'Find learners, change roles, suspend and reinstate.', permission: 'manage:users' },
  { href: '/admin/analytics', label: 'Analytics', description: 'Active learners, completion, conversion, churn and revenue.', permission: 'view:analytics' },
  { href: '/admin/audit', label: 'Audit log', description: 'Every admin action: who, what, when, before and after.', permission: null, superAdminOnly: true },
];
