import type { AppRole } from '@/lib/db/claims';

/** The seed's permissions, and which role holds which: the one table of it in code. */
export const PERMISSIONS = [
  'read:quests',
  'create:quests',
  'update:quests',
  'delete:quests',
  'manage:users',
  'view:analytics',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<AppRole, readonly Permission[]> = {
  user: ['read:quests'],
  premium: ['read:quests'],
  admin: ['read:quests', 'create:quests', 'update:quests', 'delete:quests', 'manage:users', 'view:analytics'],
  super_admin: ['read:quests', 'create:quests', 'update:quests', 'delete:quests', 'manage:users', 'view:analytics'],
};

export function can(role: AppRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Staff roles see the admin area. */
export const isStaff = (role: AppRole) => role === 'admin' || role === 'super_admin';

/** Only a super_admin may give or take admin rights (the database enforces the same rule). */
export function canAssignRole(actor: AppRole, from: AppRole, to: AppRole): boolean {
  if (!can(actor, 'manage:users')) return false;
  if (isStaff(from) || isStaff(to)) return actor === 'super_admin';
  return true;
}

/** Premium content opens for the premium tier and for staff — the same rule as private.has_premium(). */
export function hasPremiumAccess(user: { role: AppRole; tier: 'free' | 'premium' }): boolean {
  return user.tier === 'premium' || user.role === 'premium' || isStaff(user.role);
}
