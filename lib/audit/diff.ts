/**
 * The keys an audit entry changed, with their values before and after. An entry without a
 * `before` (something created) lists every key of `after`, and the reverse for a removal.
 * Values compare by their JSON, so arrays and nested objects count as equal when they match.
 */
export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown> | null | undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedFields(before: Snapshot, after: Snapshot): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return keys
    .map((key) => ({ key, before: before?.[key] ?? null, after: after?.[key] ?? null }))
    .filter((change) => !before || !after || !same(change.before, change.after));
}

/** A value as the viewer prints it: strings as they are, null as an em dash, the rest as JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
