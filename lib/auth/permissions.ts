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

/** The permissions a super_admin may withhold from an admin (profiles.admin_permissions). */
export const ADMIN_PERMISSIONS = PERMISSIONS.filter((p) => p !== 'read:quests') as Exclude<Permission, 'read:quests'>[];
export type AdminPermission = (typeof ADMIN_PERMISSIONS)[number];

/** Who holds permissions: a role, optionally narrowed by the admin's own list (null = all of the role's). */
export type PermissionHolder = AppRole | { role: AppRole; adminPermissions?: readonly string[] | null };

/**
 * The permissions a holder has — the code twin of private.has_permission(): a super_admin holds all;
 * an admin holds the role's set, narrowed to admin_permissions when a super_admin set that list.
 */
export function permissionsOf(holder: PermissionHolder): Permission[] {
  const { role, adminPermissions } = typeof holder === 'string' ? { role: holder, adminPermissions: null } : holder;
  const granted = ROLE_PERMISSIONS[role];
  if (role !== 'admin' || !adminPermissions) return [...granted];
  return granted.filter((p) => p === 'read:quests' || adminPermissions.includes(p));
}

export function can(holder: PermissionHolder, permission: Permission): boolean {
  return permissionsOf(holder).includes(permission);
}

/** Staff roles see the admin area. */
export const isStaff = (role: AppRole) => role === 'admin' || role === 'super_admin';

/** Only a super_admin may give or take admin rights (the database enforces the same rule). */
export function canAssignRole(actor: PermissionHolder, from: AppRole, to: AppRole): boolean {
  if (!can(actor, 'manage:users')) return false;
  const actorRole = typeof actor === 'string' ? actor : actor.role;
  if (isStaff(from) || isStaff(to)) return actorRole === 'super_admin';
  return true;
}

/** Premium content opens for the premium tier and for staff — the same rule as private.has_premium(). */
export function hasPremiumAccess(user: { role: AppRole; tier: 'free' | 'premium' }): boolean {
  return user.tier === 'premium' || user.role === 'premium' || isStaff(user.role);
}
