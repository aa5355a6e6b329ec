import { z } from 'zod';

/**
 * Filters of the audit log viewer: GET /api/admin/audit and the /admin/audit page validate the
 * same query through this. Days are whole UTC days, both ends included.
 */

export const AUDIT_PAGE_SIZE = 50;

const day = z.iso.date('Use a date like 2025-01-31');

export const auditFilterFields = z.object({
  /** The actor's id, or part of their email. */
  actor: z.string().trim().min(1).max(255).optional(),
  /** An exact action (`user.suspend`) or every action on a target type (`user`). */
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, 'Use an action like user.suspend, or a target type like user')
    .optional(),
  targetType: z.string().trim().max(40).regex(/^[a-z_]+$/, 'Use a target type like user or quest').optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(AUDIT_PAGE_SIZE),
});

export const auditFiltersSchema = auditFilterFields.refine((f) => !f.from || !f.to || f.from <= f.to, {
  path: ['to'],
  message: 'The end date comes before the start date',
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** For the page: malformed values in the URL are dropped rather than shown as an error page. */
export function auditFiltersFromSearch(search: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const pick = <K extends keyof AuditFilters>(key: K): AuditFilters[K] | undefined => {
    const parsed = auditFilterFields.shape[key].safeParse(first(search[key]));
    return parsed.success ? (parsed.data as AuditFilters[K]) : undefined;
  };
  const filters: AuditFilters = {
    actor: pick('actor'),
    action: pick('action'),
    targetType: pick('targetType'),
    targetId: pick('targetId'),
    from: pick('from'),
    to: pick('to'),
    cursor: pick('cursor'),
    limit: AUDIT_PAGE_SIZE,
  };
  if (filters.from && filters.to && filters.from > filters.to) filters.to = undefined;
  return filters;
}

/** The viewer's URL for `filters` (the cursor included when given). */
export function auditHref(filters: Partial<AuditFilters>): string {
  const query = new URLSearchParams();
  for (const key of ['actor', 'action', 'targetType', 'targetId', 'from', 'to', 'cursor'] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}
