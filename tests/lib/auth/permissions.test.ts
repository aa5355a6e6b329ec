import { ROLE_PERMISSIONS, can, canAssignRole, PERMISSIONS } from '@/lib/auth/permissions';

describe('roles and permissions', () => {
  it('lets learners and premium learners only read quests', () => {
    for (const role of ['user', 'premium'] as const) {
      expect(ROLE_PERMISSIONS[role]).toEqual(['read:quests']);
    }
  });

  it('gives admins and super admins every permission unless a super admin narrowed the admin', () => {
    expect(can({ role: 'admin', adminPermissions: ['view:analytics'] }, 'view:analytics')).toBe(true);
    expect(can({ role: 'admin', adminPermissions: ['view:analytics'] }, 'update:quests')).toBe(false);
    expect(can({ role: 'admin', adminPermissions: [] }, 'read:quests')).toBe(true);
    expect(can({ role: 'super_admin', adminPermissions: [] }, 'manage:users')).toBe(true);
    expect(canAssignRole({ role: 'admin', adminPermissions: ['update:quests'] }, 'user', 'premium')).toBe(false);
    for (const role of ['admin', 'super_admin'] as const) {
      for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(true);
    }
  });

  it('lets admins move learners between user and premium, but only super admins touch admin rights', () => {
    expect(canAssignRole('admin', 'user', 'premium')).toBe(true);
    expect(canAssignRole('admin', 'user', 'admin')).toBe(false);
    expect(canAssignRole('admin', 'admin', 'user')).toBe(false);
    expect(canAssignRole('super_admin', 'user', 'admin')).toBe(true);
    expect(canAssignRole('super_admin', 'admin', 'user')).toBe(true);
    expect(canAssignRole('user', 'user', 'premium')).toBe(false);
    expect(canAssignRole('premium', 'user', 'premium')).toBe(false);
  });
});
