import type { Metadata } from 'next';
import Link from 'next/link';
import { AchievementEditor } from '@/components/admin/achievements/achievement-editor';
import { questCategories } from '@/lib/admin/achievements/queries';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New achievement · Admin' };

export default async function NewAchievementPage() {
  const session = await requirePermission('create:quests', '/admin/achievements/new');
  const categories = await questCategories(session.claims);
  const canEdit = can(session.user, 'update:quests');
  return (
    <div className="space-y-6">
      <header>
        {canEdit ? (
          <Link href="/admin/achievements" className="text-sm font-medium text-brand-700 hover:underline">
            ← Achievements
          </Link>
        ) : null}
        <h1 className="mt-1 text-3xl font-bold tracking-tight">New achievement</h1>
        <p className="mt-1 text-slate-600">Choose how it is earned; the count below shows who already qualifies.</p>
      </header>
      <AchievementEditor initial={null} categories={categories} permissions={{ canEdit, canDelete: false }} />
    </div>
  );
}
