import Link from 'next/link';
import type { QuestMeta } from '@/hooks/use-quest-editor';
import { QuestStatusBadge } from './quest-status-badge';

const dateTime = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Where the admin is, the quest's title, and its state: status, learners, last save. */
export function QuestEditorHeader({ title, meta }: { title: string; meta: QuestMeta | null }) {
  return (
    <header>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/admin/quests" className="hover:text-slate-900 hover:underline">
              Quests
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">{meta ? 'Edit' : 'New'}</li>
        </ol>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">
        {title.trim() || (meta ? 'Untitled quest' : 'New quest')}
      </h1>
      {meta ? (
        <dl className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-slate-700">
          <div className="flex items-center gap-2">
            <dt className="sr-only">Status</dt>
            <dd>
              <QuestStatusBadge status={meta.status} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Learners:</dt>
            <dd className="font-semibold text-slate-900">{meta.learnerCount}</dd>
          </div>
          {meta.archivedStepCount > 0 ? (
            <div className="flex gap-1">
              <dt>Archived steps:</dt>
              <dd className="font-semibold text-slate-900">{meta.archivedStepCount}</dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt>Last saved:</dt>
            <dd>
              <time dateTime={meta.updatedAt} suppressHydrationWarning>{dateTime(meta.updatedAt)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-2 text-slate-600">A new quest starts as a draft: only admins see it until you publish it.</p>
      )}
    </header>
  );
}
