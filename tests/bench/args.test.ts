import { parseRunArgs, parseSeedArgs, UsageError } from '@/bench/lib/args';
import { DEFAULT_BENCH_DATABASE_URL } from '@/bench/lib/bench-data';

describe('bench command-line options', () => {
  it('defaults to the full scale on the local bench database', () => {
    expect(parseSeedArgs([])).toEqual({ databaseUrl: DEFAULT_BENCH_DATABASE_URL, scale: 1, force: false });
    expect(parseSeedArgs([], { BENCH_DATABASE_URL: 'postgres://postgres@127.0.0.1:5433/other' }).databaseUrl).toBe(
      'postgres://postgres@127.0.0.1:5433/other',
    );
  });

  it('reads --scale, --database-url and --force in both spellings', () => {
    expect(parseSeedArgs(['--scale', '0.02', '--database-url=postgres://127.0.0.1/x', '--force'])).toEqual({
      databaseUrl: 'postgres://127.0.0.1/x',
      scale: 0.02,
      force: true,
    });
  });

  it('gives the run its defaults: 10 and 50 connections, 10 s each after a 2 s warm-up', () => {
    const args = parseRunArgs([]);
    expect(args).toMatchObject({ duration: 10, warmup: 2, connections: [10, 50], skipBuild: false, skipSeed: false, only: null, cpuProf: false });
    expect(parseRunArgs(['--skip-build', '--skip-seed', '--duration', '3', '--connections', '5,20', '--only', 'floor,step-grade'])).toMatchObject({
      skipBuild: true,
      skipSeed: true,
      duration: 3,
      connections: [5, 20],
      only: ['floor', 'step-grade'],
    });
  });

  it.each([
    [['--scale', '0'], /--scale must be a number in \(0, 1\]/],
    [['--scale', '2'], /--scale/],
    [['--scale', 'abc'], /--scale/],
    [['--scale'], /--scale needs a value/],
    [['--duration', '0'], /--duration must be/],
    [['--connections', '10,x'], /--connections/],
    [['--only', 'floor,nope'], /unknown scenarios: nope/],
    [['--frobnicate'], /Unknown option --frobnicate/],
    [['stray'], /Unexpected argument "stray"/],
    [['--skip-build=yes'], /takes no value/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseRunArgs(argv)).toThrow(UsageError);
    expect(() => parseRunArgs(argv)).toThrow(message);
  });
});
