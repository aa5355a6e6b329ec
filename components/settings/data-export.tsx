/**
 * "Download your data": a plain link to GET /api/me/export, which answers with a JSON attachment.
 * A real <a> rather than next/link: the browser must download the file, not route to it.
 */
export function DataExport() {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>One JSON file with everything WorkFree holds about you:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>your profile and preferences;</li>
        <li>your progress in each quest, your graded answers, XP, learning days and achievements;</li>
        <li>your subscription (plan, status, renewal date) and the usage events recorded about you.</li>
      </ul>
      <p>Passwords, session tokens and card details are never included (cards stay with Stripe).</p>
      <a
        href="/api/me/export"
        download
        className="inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-5 py-2.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 ring-inset transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Download your data (JSON)
      </a>
    </div>
  );
}
