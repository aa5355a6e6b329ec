const tones = {
  brand: 'bg-brand-600',
  green: 'bg-emerald-600',
  amber: 'bg-amber-500',
  slate: 'bg-slate-500',
} as const;

/**
 * A horizontal meter with an accessible name and value text, for XP, quest and achievement progress.
 * Callers show the same numbers as visible text nearby, so the bar is never the only signal.
 */
export function ProgressBar({
  value,
  max = 100,
  label,
  valueText,
  tone = 'brand',
  className = '',
}: {
  value: number;
  max?: number;
  /** The accessible name, e.g. "XP towards level 4". */
  label: string;
  /** What a screen reader announces as the value, e.g. "120 of 300 XP". */
  valueText?: string;
  tone?: keyof typeof tones;
  className?: string;
}) {
  const safeMax = max > 0 ? max : 1;
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = Math.round((clamped / safeMax) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      className={`h-2 w-full overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className={`h-full rounded-full ${tones[tone]}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
