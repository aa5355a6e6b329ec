export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
        <p>WorkFree — learn by doing, one quest at a time.</p>
        <p>Earn XP, level up, keep your streak.</p>
      </div>
    </footer>
  );
}
