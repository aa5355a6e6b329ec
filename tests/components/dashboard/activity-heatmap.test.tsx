/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { ActivityHeatmap } from '@/components/dashboard/activity-heatmap';

/** 84 days ending on Sunday 25 Jan 2026, oldest (Mon 3 Nov 2025) first. */
function days(active: string[] = [], frozen: string[] = []) {
  const start = Date.UTC(2025, 10, 3);
  return Array.from({ length: 84 }, (_, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { day, active: active.includes(day), frozen: frozen.includes(day) };
  });
}

describe('ActivityHeatmap', () => {
  it('lays the 84 days out as 7 weekday rows by 12 week columns', () => {
    render(<ActivityHeatmap days={days()} today="2026-01-25" />);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8); // the week header + 7 weekdays
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Monday');
    expect(within(rows[7]!).getByRole('rowheader')).toHaveTextContent('Sunday');
    expect(within(rows[1]!).getAllByRole('cell')).toHaveLength(12);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(12);
    expect(within(table).getByRole('columnheader', { name: 'Week of Mon 3 Nov' })).toBeInTheDocument();
  });

  it('labels every day with its date and state in words', () => {
    render(<ActivityHeatmap days={days(['2025-11-03', '2025-11-05'], ['2025-11-04'])} today="2026-01-25" />);
    expect(screen.getByText('Mon 3 Nov: learned')).toBeInTheDocument();
    expect(screen.getByText('Tue 4 Nov: streak freeze used')).toBeInTheDocument();
    expect(screen.getByText('Wed 5 Nov: learned')).toBeInTheDocument();
    expect(screen.getByText('Thu 6 Nov: no learning')).toBeInTheDocument();
    expect(screen.getByText('Sun 25 Jan: no learning (today)')).toBeInTheDocument();
  });

  it('puts consecutive days down a column, a week per column', () => {
    render(<ActivityHeatmap days={days()} today="2026-01-25" />);
    const mondays = within(screen.getAllByRole('row')[1]!).getAllByRole('cell');
    expect(mondays[0]).toHaveTextContent('Mon 3 Nov');
    expect(mondays[1]).toHaveTextContent('Mon 10 Nov');
    expect(mondays[11]).toHaveTextContent('Mon 19 Jan');
  });

  it('sums the activity up in a sentence', () => {
    render(<ActivityHeatmap days={days(['2025-11-03', '2025-11-05'], ['2025-11-04'])} today="2026-01-25" />);
    expect(screen.getByText('Learned on 2 of the last 84 days; a streak freeze covered 1 day.')).toBeInTheDocument();
  });
});
