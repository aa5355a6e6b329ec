import { canAssignRole, isStaff } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { ROLES } from '@/lib/admin/users/schemas';
import type { AdminUserProfile } from '@/lib/admin/users/user-profile';
import { PermissionsForm } from './permissions-form';
import { RoleForm } from './role-form';
import { SuspensionPanel } from './suspension-panel';

const card = 'rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200';
const note = 'mt-2 text-sm text-slate-700';

/**
 * The actions this admin may take on this account, each with the reason when it is not offered.
 * The same rules as the API and the database (canAssignRole, the profile guard), so the forms
 * never offer what the server would refuse.
 */
export function UserActions({ actor, profile }: { actor: SessionUser; profile: AdminUserProfile }) {
  const self = actor.id === profile.id;
  const roleOptions = ROLES.filter((role) => role === profile.role || canAssignRole(actor, profile.role, role));
  const maySuspend = !self && (!isStaff(profile.role) || actor.role === 'super_admin');
  const mayNarrow = actor.role === 'super_admin' && profile.role === 'admin';

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="role-heading" className={card}>
        <h3 id="role-heading" className="font-semibold">
          Role
        </h3>
        {self ? (
          <p className={note}>You cannot change your own role; another super admin has to.</p>
        ) : roleOptions.length > 1 ? (
          <div className="mt-3">
            <RoleForm userId={profile.id} role={profile.role} options={roleOptions} />
          </div>
        ) : (
          <p className={note}>Only a super admin grants or removes admin rights.</p>
        )}
      </section>

      <section aria-labelledby="suspension-heading" className={card}>
        <h3 id="suspension-heading" className="font-semibold">
          {profile.suspendedAt ? 'Suspended account' : 'Suspension'}
        </h3>
        {maySuspend ? (
          <div className="mt-3">
            <SuspensionPanel userId={profile.id} email={profile.email} suspended={profile.suspendedAt !== null} />
          </div>
        ) : (
          <p className={note}>{self ? 'You cannot suspend your own account.' : 'Only a super admin suspends or reinstates an admin.'}</p>
        )}
      </section>

      {mayNarrow ? (
        <section aria-labelledby="permissions-heading" className={`${card} lg:col-span-2`}>
          <h3 id="permissions-heading" className="font-semibold">
            Admin permissions
          </h3>
          <p className={note}>Changes apply on this admin’s next request.</p>
          <div className="mt-3">
            <PermissionsForm userId={profile.id} current={profile.adminPermissions} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
