const tones = {
  brand: 'bg-brand-600',
  green: 'bg-emerald-600',
  amber: 'bg-amber-500',
  slate: 'bg-slate-500',
} as const;

/**
 * A determinate meter with an accessible name and value text (role=progressbar with its range),
 * for XP, quest, player and achievement progress. Callers show the same numbers as visible text
 * nearby, so the bar is never the only signal. Changes ease in unless motion is reduced.
 */
export function ProgressBar({
  value,
  max = 100,
  label,
  valueText,
  tone = 'brand',
  size = 'sm',
  className = '',
}: {
  value: number;
  max?: number;
  /** The accessible name, e.g. "XP towards level 4". */
  label: string;
  /** What a screen reader announces as the value, e.g. "120 of 300 XP". */
  valueText?: string;
  tone?: keyof typeof tones;
  size?: 'sm' | 'md';
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
      aria-valuenow={Math.round(clamped)}
      aria-valuetext={valueText}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === 'md' ? 'h-3' : 'h-2'} ${className}`}
    >
      <div
        className={`h-full rounded-full ${tones[tone]} transition-[width] duration-700 ease-out motion-reduce:transition-none`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
