/** Keeps the latest results table in bench/README.md between two marker comments. */
import type { MachineInfo } from './machine';
import type { TargetCheck } from './report';

export const START = '<!-- bench:results:start -->';
export const END = '<!-- bench:results:end -->';

export function resultsBlock(results: { machine: MachineInfo; scale: number; durationSeconds: number; targets: TargetCheck[] }, table: string): string {
  const m = results.machine;
  const lines = [
    START,
    `Run of ${m.date} at scale ${results.scale}, ${results.durationSeconds} s per scenario, commit ${m.gitCommit?.slice(0, 10) ?? 'unknown'}.`,
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    '',
    table,
    '',
    ...results.targets.map((t) => `- ${t.met ? 'Met' : '**Missed**'}: ${t.target}${t.misses.length ? ` (${t.misses.join('; ')})` : ''}`),
    END,
  ];
  return lines.join('\n');
}

/** The README with its results block replaced (or appended when the markers are missing). */
export function replaceResultsBlock(readme: string, results: Parameters<typeof resultsBlock>[0], table: string): string {
  const block = resultsBlock(results, table);
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}
