/**
 * Chart colours, each at least 4.5:1 against the white card (WCAG 1.4.11 asks 3:1 of graphics),
 * and the two funnel series differ in lightness as well as hue, so they stay apart for
 * colour-blind readers; the legend names them too.
 */
export const CHART = {
  primary: '#4f46e5', // brand-600, 6.3:1
  secondary: '#b45309', // amber-700, 5.0:1
  bars: '#047857', // emerald-700, 5.5:1
  axis: '#475569', // slate-600, 7.6:1
  grid: '#e2e8f0', // slate-200 (decorative)
} as const;

export const AXIS_TICK = { fill: CHART.axis, fontSize: 12 } as const;
