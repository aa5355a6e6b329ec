import type { ReactNode } from 'react';

/** A dashboard section: heading, optional CSV download, content. */
export function SectionCard({
  id,
  title,
  description,
  csvHref,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  csvHref?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        {csvHref ? (
          <a
            href={csvHref}
            download
            className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Download CSV<span className="sr-only">: {title}</span>
          </a>
        ) : null}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}
