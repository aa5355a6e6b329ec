/**
 * A determinate progress bar that assistive tech can read (role=progressbar with its range and a
 * spoken value). Changes of value ease in, unless the user prefers reduced motion.
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  valueText,
  tone = 'brand',
  size = 'md',
}: {
  label: string;
  value: number;
  max?: number;
  valueText?: string;
  tone?: 'brand' | 'emerald';
  size?: 'sm' | 'md';
}) {
  const clamped = Math.min(Math.max(0, value), max);
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  const fill = tone === 'emerald' ? 'bg-emerald-600' : 'bg-brand-600';
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.round(clamped)}
      aria-valuetext={valueText}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === 'sm' ? 'h-2' : 'h-3'}`}
    >
      <div
        className={`h-full rounded-full ${fill} transition-[width] duration-700 ease-out motion-reduce:transition-none`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
