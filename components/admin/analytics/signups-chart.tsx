'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART } from './chart-theme';
import { formatDay } from './format';

/** Sign-ups per day as bars; one image to assistive tech, with the data table next to it. */
export function SignupsChart({ data, summary }: { data: { day: string; signups: number }[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => formatDay(day, 'short')} tick={AXIS_TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
          <Tooltip labelFormatter={(day) => formatDay(String(day))} cursor={{ fill: CHART.grid }} />
          <Bar dataKey="signups" name="Sign-ups" fill={CHART.bars} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
