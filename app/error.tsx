'use client';

/**
 * A page failed on the server. In production the reason is hidden from the browser (only a digest
 * reaches here), and the usual cause is a backend that is briefly down — the database restarting,
 * say — so the message says that and offers a retry; the server log holds the details.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6" role="alert">
      <h1 className="text-2xl font-bold">Temporarily unavailable</h1>
      <p className="mt-2 text-slate-600">
        This page could not be loaded just now. The service may be briefly unavailable; please try again in a few seconds.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </div>
  );
}
