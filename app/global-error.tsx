'use client';

import './globals.css';

/**
 * The root layout itself failed (it reads the session, so a database outage lands here). It
 * replaces the layout, so it brings its own <html> and <body>, and reloads rather than re-renders:
 * the layout has to run again.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6" role="alert">
          <h1 className="text-2xl font-bold">WorkFree is temporarily unavailable</h1>
          <p className="mt-2 text-slate-600">
            The page could not be loaded just now. Please try again in a few seconds.
            {error.digest ? <span className="mt-2 block text-xs text-slate-500">Reference: {error.digest}</span> : null}
          </p>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
