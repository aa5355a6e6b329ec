import { DEFAULT_WARMUP_SECONDS, isLoopbackTarget, minimumUsersFor, parseSoakArgs, SOAK_LIMITS, warmUpSteps } from '@/bench/lib/soak-args';

const DEFAULTS = { rate: 200, durationSeconds: 300, users: 400, scale: 0.02 };

describe('soak command line', () => {
  it('defaults to 200 req/s for 5 minutes over 400 learners with a request cap just above the plan', () => {
    const options = parseSoakArgs([], DEFAULTS);
    expect(options).toMatchObject({ rate: 200, durationSeconds: 300, users: 400, scale: 0.02, skipBuild: false, target: undefined });
    expect(options.maxRequests).toBe(Math.ceil(200 * 300 * 1.02));
  });

  it('reads --rate, --duration, --skip-build and --scale', () => {
    const options = parseSoakArgs(['--rate', '50', '--duration=60', '--skip-build', '--scale', '0.005'], DEFAULTS);
    expect(options).toMatchObject({ rate: 50, durationSeconds: 60, skipBuild: true, scale: 0.005 });
  });

  it('refuses a target that is not this machine', () => {
    expect(() => parseSoakArgs(['--target', 'http://example.com:3000', '--database-url', 'postgres://127.0.0.1/x'], DEFAULTS)).toThrow(/this machine/);
    expect(() => parseSoakArgs(['--target', 'http://10.0.0.5:3000', '--database-url', 'postgres://127.0.0.1/x'], DEFAULTS)).toThrow(/this machine/);
    expect(() => parseSoakArgs(['--target', 'http://127.0.0.1:3000', '--database-url', 'postgres://db.example.com/x'], DEFAULTS)).toThrow(/--database-url must be on this machine/);
  });

  it('accepts a loopback target with its database and then skips the build', () => {
    const options = parseSoakArgs(['--target', 'http://localhost:3000', '--database-url', 'postgres://postgres@[::1]:5432/bench'], DEFAULTS);
    expect(options.target).toBe('http://localhost:3000');
    expect(options.skipBuild).toBe(true);
  });

  it('needs the database with --target (to mint tokens)', () => {
    expect(() => parseSoakArgs(['--target', 'http://127.0.0.1:3000'], DEFAULTS)).toThrow(/--database-url/);
  });

  it('caps rate, duration and total requests whatever the flags say', () => {
    expect(() => parseSoakArgs(['--rate', String(SOAK_LIMITS.maxRate + 1)], DEFAULTS)).toThrow(/--rate must be/);
    expect(() => parseSoakArgs(['--duration', String(SOAK_LIMITS.maxDurationSeconds + 1)], DEFAULTS)).toThrow(/--duration must be/);
    expect(() => parseSoakArgs(['--rate', '1000', '--duration', '1000'], DEFAULTS)).toThrow(/above the cap/);
    expect(() => parseSoakArgs(['--max-requests', String(SOAK_LIMITS.maxTotalRequests + 1)], DEFAULTS)).toThrow(/--max-requests must be/);
  });

  it('refuses malformed numbers and unknown flags with the option named', () => {
    expect(() => parseSoakArgs(['--rate', 'fast'], DEFAULTS)).toThrow(/--rate/);
    expect(() => parseSoakArgs(['--rate', '2.5'], DEFAULTS)).toThrow(/whole number/);
    expect(() => parseSoakArgs(['--rat', '20'], DEFAULTS)).toThrow(/Unknown option --rat/);
    expect(() => parseSoakArgs(['--duration'], DEFAULTS)).toThrow(/--duration needs a value/);
  });

  it('refuses too few learners for the per-learner API limit of 100 a minute', () => {
    expect(minimumUsersFor(200)).toBe(240);
    expect(() => parseSoakArgs(['--users', '50'], DEFAULTS)).toThrow(/too few/);
    expect(parseSoakArgs(['--rate', '20', '--duration', '30'], { ...DEFAULTS, users: 10 }).users).toBe(minimumUsersFor(20));
  });

  it('recognises loopback URLs only', () => {
    expect(isLoopbackTarget('http://127.0.0.1:3000')).toBe(true);
    expect(isLoopbackTarget('http://[::1]:3000')).toBe(true);
    expect(isLoopbackTarget('http://localhost')).toBe(true);
    expect(isLoopbackTarget('http://127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackTarget('not a url')).toBe(false);
  });

  it('warms up for 30 s by default, rising in 5 s steps from a tenth of the rate to the full rate', () => {
    expect(parseSoakArgs([], DEFAULTS).warmupSeconds).toBe(DEFAULT_WARMUP_SECONDS);
    expect(warmUpSteps(200, 30)).toEqual([
      { rate: 20, seconds: 5 },
      { rate: 56, seconds: 5 },
      { rate: 92, seconds: 5 },
      { rate: 128, seconds: 5 },
      { rate: 164, seconds: 5 },
      { rate: 200, seconds: 5 },
    ]);
    expect(warmUpSteps(200, 12)).toEqual([
      { rate: 20, seconds: 5 },
      { rate: 110, seconds: 5 },
      { rate: 200, seconds: 2 },
    ]);
    expect(warmUpSteps(200, 0)).toEqual([]);
    expect(warmUpSteps(3, 5)).toEqual([{ rate: 1, seconds: 5 }]);
  });

  it('refuses a warm-up out of bounds or one that would push the run past the request cap', () => {
    expect(parseSoakArgs(['--warmup', '0'], DEFAULTS).warmupSeconds).toBe(0);
    expect(() => parseSoakArgs(['--warmup', '-1'], DEFAULTS)).toThrow(/--warmup/);
    expect(() => parseSoakArgs(['--warmup', String(SOAK_LIMITS.maxWarmupSeconds + 1)], DEFAULTS)).toThrow(/--warmup/);
    expect(() => parseSoakArgs(['--warmup', 'soon'], DEFAULTS)).toThrow(/--warmup/);
    // 1000 req/s for 480 s is 480,000 requests (under the cap); its 300 s warm-up is not.
    expect(() => parseSoakArgs(['--rate', '1000', '--duration', '480', '--warmup', '300', '--users', '1200'], DEFAULTS)).toThrow(/cap/);
  });
});
