'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART } from './chart-theme';

export interface FunnelBar {
  stage: string;
  reached: number;
  answered: number | null;
}

/** The quest's drop-off as horizontal bars (long stage names fit on a phone); table alongside. */
export function FunnelChart({ data, summary }: { data: FunnelBar[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height: 72 + data.length * 44 }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 72 + data.length * 44 }}>
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART.grid} horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="stage" tick={AXIS_TICK} width={84} />
          <Tooltip cursor={{ fill: CHART.grid }} />
          <Legend wrapperStyle={{ color: CHART.axis, fontSize: 12 }} />
          <Bar dataKey="reached" name="Reached" fill={CHART.primary} isAnimationActive={false} />
          <Bar dataKey="answered" name="Answered" fill={CHART.secondary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
