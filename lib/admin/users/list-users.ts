import 'server-only';
import { and, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import type { AppRole } from '@/lib/db/claims';
import { profiles } from '@/lib/db/schema';
import { USER_PAGE_SIZE, type UserListParams } from './schemas';

export interface AdminUserListItem {
  id: string;
  email: string;
  fullName: string | null;
  role: AppRole;
  tier: 'free' | 'premium';
  emailVerified: boolean;
  /** ISO 8601. */
  createdAt: string;
  lastLoginAt: string | null;
  suspendedAt: string | null;
}

export interface AdminUserList {
  users: AdminUserListItem[];
  pagination: { total: number; page: number; limit: number; totalPages: number };
}

/** `%text%` with the user's own % and _ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtersOf(params: UserListParams): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  if (params.q) filters.push(or(ilike(profiles.email, contains(params.q)), ilike(profiles.fullName, contains(params.q))));
  if (params.role) filters.push(eq(profiles.role, params.role));
  if (params.tier) filters.push(eq(profiles.subscriptionTier, params.tier));
  if (params.status === 'suspended') filters.push(isNotNull(profiles.suspendedAt));
  if (params.status === 'active') filters.push(isNull(profiles.suspendedAt));
  return and(...filters);
}

const order = (sort: UserListParams['sort']) =>
  sort === 'last_login'
    ? [sql`${profiles.lastLoginAt} desc nulls last`, desc(profiles.id)]
    : [desc(profiles.createdAt), desc(profiles.id)];

/**
 * The users an admin searches: read as the admin, so RLS decides (admins read every profile).
 * Bounded offset paging (USER_MAX_PAGE pages at most) over indexed sort keys (migration 0018).
 */
export async function listUsers(session: Session, params: UserListParams): Promise<AdminUserList> {
  const where = filtersOf(params);
  const limit = USER_PAGE_SIZE;
  const { rows, total } = await asUser(session.claims, async (tx) => {
    const rows = await tx
      .select({
        id: profiles.id,
        email: profiles.email,
        fullName: profiles.fullName,
        role: profiles.role,
        tier: profiles.subscriptionTier,
        emailVerified: profiles.emailVerified,
        createdAt: profiles.createdAt,
        lastLoginAt: profiles.lastLoginAt,
        suspendedAt: profiles.suspendedAt,
      })
      .from(profiles)
      .where(where)
      .orderBy(...order(params.sort))
      .limit(limit)
      .offset((params.page - 1) * limit);
    const [counted] = await tx.select({ total: count() }).from(profiles).where(where);
    return { rows, total: Number(counted?.total ?? 0) };
  });
  return {
    users: rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      role: r.role as AppRole,
      tier: r.tier === 'premium' ? 'premium' : 'free',
      emailVerified: r.emailVerified,
      createdAt: r.createdAt.toISOString(),
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      suspendedAt: r.suspendedAt?.toISOString() ?? null,
    })),
    pagination: { total, page: params.page, limit, totalPages: Math.max(1, Math.ceil(total / limit)) },
  };
}
