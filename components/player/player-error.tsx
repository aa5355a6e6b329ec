import { ButtonLink } from '@/components/ui/button-link';
import { ApiRequestError } from '@/lib/api/client';

/** Why the quest could not be opened, and a way out: back to the overview, or try again. */
export function PlayerError({ error, slug, onRetry }: { error: unknown; slug: string; onRetry: () => void }) {
  const status = error instanceof ApiRequestError ? error.status : 0;
  const notFound = status === 404;
  const blocked = status === 401 || status === 403;
  const title = notFound ? 'Quest progress not found' : blocked ? 'This quest is not open to you' : 'The quest could not be loaded';
  const message = notFound
    ? 'We could not find your progress for this quest. Start it again from its overview.'
    : error instanceof ApiRequestError
      ? error.body.message
      : 'Something went wrong. Please try again.';
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6" role="alert">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-600">{message}</p>
      <div className="mt-6 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
        <ButtonLink href={`/quests/${slug}`}>Back to the quest</ButtonLink>
        {!notFound && !blocked ? (
          <button
            type="button"
            onClick={onRetry}
            className="min-h-11 rounded-lg bg-white px-5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}
