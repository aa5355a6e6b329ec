'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART } from './chart-theme';
import { formatDay } from './format';

/**
 * Daily active users as a line. The chart is one image to assistive tech (its label summarises
 * it); every value is in the data table next to it.
 */
export function DauChart({ data, summary }: { data: { day: string; users: number }[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
        <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => formatDay(day, 'short')} tick={AXIS_TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
          <Tooltip labelFormatter={(day) => formatDay(String(day))} />
          <Line
            type="monotone"
            dataKey="users"
            name="Active users"
            stroke={CHART.primary}
            strokeWidth={2}
            dot={data.length <= 31}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
