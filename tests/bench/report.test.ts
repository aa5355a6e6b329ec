import { checkTargets, formatTable, mergeMeasurements, percentile, summarize, type Measurement } from '@/bench/lib/report';
import { replaceResultsBlock, START, END } from '@/bench/lib/readme-block';

const measurement = (scenario: string, connections: number, requests: number, extra: Partial<Measurement> = {}): Measurement => ({
  scenario,
  route: `GET /${scenario}`,
  kind: 'api',
  connections,
  seconds: 10,
  latencies: Array.from({ length: requests }, (_, i) => (i % 100) + 1),
  ok: requests,
  non2xx: 0,
  socketErrors: 0,
  timeouts: 0,
  ...extra,
});

describe('bench report', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('computes req/s, errors and ratios to the floor and to the reference at the same connection count', () => {
    const rows = summarize([
      measurement('floor', 10, 10_000, { kind: 'floor' }),
      measurement('reference-progress', 10, 20_000, { kind: 'reference' }),
      measurement('progress-list', 10, 7_000, { reference: 'reference-progress', non2xx: 5, socketErrors: 2 }),
      measurement('floor', 50, 12_000, { kind: 'floor' }),
      measurement('progress-list', 50, 6_000, { reference: 'reference-progress' }),
    ]);
    const at10 = rows.find((r) => r.scenario === 'progress-list' && r.connections === 10)!;
    expect(at10.requestsPerSecond).toBe(700.5);
    expect(at10.errors).toBe(7);
    expect(at10.ratioToFloor).toBe(0.7);
    expect(at10.ratioToReference).toBe(0.35);
    expect(at10.p99).toBe(99);
    const at50 = rows.find((r) => r.scenario === 'progress-list' && r.connections === 50)!;
    expect(at50.ratioToFloor).toBe(0.5);
    expect(at50.ratioToReference).toBeNull(); // no reference measured at 50
    expect(rows.find((r) => r.scenario === 'floor')!.ratioToFloor).toBeNull();
  });

  it('checks the three targets and names each miss', () => {
    const rows = summarize([
      measurement('floor', 10, 1_000, { kind: 'floor' }),
      measurement('quests', 10, 900, { latencies: [...Array(98).fill(5), 80, 90] }),
      measurement('floor', 50, 1_000, { kind: 'floor' }),
      measurement('quests', 50, 500, { non2xx: 3 }),
    ]);
    const [p99, errors, floor] = checkTargets(rows);
    expect(p99).toMatchObject({ met: false, misses: ['quests p99 80 ms'] });
    expect(errors).toMatchObject({ met: false, misses: ['quests 3 errors'] });
    expect(floor).toMatchObject({ met: false, misses: ['quests@50 50 % of floor'] });
    const clean = summarize([
      measurement('floor', 10, 100, { kind: 'floor', latencies: [1] }),
      measurement('floor', 50, 100, { kind: 'floor', latencies: [1] }),
    ]);
    expect(checkTargets(clean).every((t) => t.met)).toBe(true);
    // A connection count that was not run is reported, not passed.
    const only10 = checkTargets(summarize([measurement('floor', 10, 100, { kind: 'floor', latencies: [1] })]));
    expect(only10[1]).toMatchObject({ met: false, misses: ['not measured'] });
  });

  it('prints a Markdown table and keeps it between the README markers', () => {
    const rows = summarize([measurement('floor', 10, 100, { kind: 'floor' }), measurement('quests', 10, 80)]);
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('| quests | `GET /quests` | 10 |');
    expect(table).toContain('80 %');
    const results = {
      machine: { cpuModel: 'CPU', cores: 2, memoryGiB: 4, node: 'v20', postgres: '15', os: 'Linux', loadAverageAtStart: [1], date: '2026-01-01', gitCommit: 'abc' },
      scale: 1,
      durationSeconds: 10,
      targets: checkTargets(rows),
    };
    const readme = `# Bench\n\n${START}\nold\n${END}\n\nAfter.\n`;
    const updated = replaceResultsBlock(readme, results, table);
    expect(updated).toContain('After.');
    expect(updated).not.toContain('old');
    expect(updated).toContain(table);
    expect(replaceResultsBlock(updated, results, table)).toBe(updated);
    expect(replaceResultsBlock('# No markers', results, table)).toContain(START);
  });
});

describe('bench floor measured twice', () => {
  it('merges the two runs into one with the combined time, samples and counts', () => {
    const a = measurement('floor', 10, 1_000, { kind: 'floor' });
    const b = measurement('floor', 10, 3_000, { kind: 'floor', non2xx: 2 });
    const merged = mergeMeasurements(a, b);
    expect(merged).toMatchObject({ scenario: 'floor', seconds: 20, ok: 4_000, non2xx: 2 });
    expect(merged.latencies).toHaveLength(4_000);
    expect(merged.note).toBe('100 then 300 req/s');
    expect(summarize([merged])[0]!.requestsPerSecond).toBe(200.1);
  });
});
