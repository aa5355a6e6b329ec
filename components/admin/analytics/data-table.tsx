/**
 * The accessible twin of a chart: every value as a table with a caption and header cells, behind
 * a <details> so it takes no room until asked for — the summary is keyboard-focusable and screen
 * readers announce it as a disclosure.
 */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  /** The first column labels each row (a row header); the others are right-aligned numbers. */
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="group mt-3">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-700 underline hover:text-brand-800">
        Show data table<span className="sr-only">: {caption}</span>
      </summary>
      {/* Focusable: a long table scrolls inside this box, and keyboard users must be able to scroll it. */}
      <div role="region" aria-label={caption} tabIndex={0} className="mt-2 max-h-96 overflow-auto rounded-lg ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-700">
            <tr>
              {columns.map((column, i) => (
                <th key={column} scope="col" className={`px-3 py-2 font-semibold ${i > 0 ? 'text-right' : ''}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(([head, ...cells], r) => (
              <tr key={r}>
                <th scope="row" className="px-3 py-1.5 font-normal text-slate-900">
                  {head}
                </th>
                {cells.map((cell, i) => (
                  <td key={i} className="px-3 py-1.5 text-right tabular-nums text-slate-900">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
