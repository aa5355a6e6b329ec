import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AppRole } from '@/lib/admin/users/schemas';

export const ROLE_LABELS: Record<AppRole, string> = {
  user: 'Learner',
  premium: 'Premium learner',
  admin: 'Admin',
  super_admin: 'Super admin',
};

const ROLE_TONES: Record<AppRole, BadgeTone> = { user: 'neutral', premium: 'brand', admin: 'amber', super_admin: 'amber' };

export function RoleBadge({ role }: { role: AppRole }) {
  return <Badge tone={ROLE_TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}

export function TierBadge({ tier }: { tier: 'free' | 'premium' }) {
  return <Badge tone={tier === 'premium' ? 'green' : 'neutral'}>{tier === 'premium' ? 'Premium plan' : 'Free plan'}</Badge>;
}

/** Said in words, not only colour. */
export function StatusBadge({ suspended }: { suspended: boolean }) {
  return suspended ? <Badge tone="rose">Suspended</Badge> : <Badge tone="green">Active</Badge>;
}
