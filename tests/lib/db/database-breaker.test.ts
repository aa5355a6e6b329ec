import { DatabaseBreaker } from '@/lib/db/breaker';
import { DatabaseUnavailableError } from '@/lib/db';

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const down = () => Promise.reject(new DatabaseUnavailableError(new Error('ECONNREFUSED')));

function breakerWithClock(options: ConstructorParameters<typeof DatabaseBreaker>[0] = {}) {
  const clock = { now: 1_000 };
  const opened: number[] = [];
  const breaker = new DatabaseBreaker({
    acquireDeadlineMs: 100,
    cooldownMs: 1_500,
    inFlightGraceMs: 50,
    now: () => clock.now,
    onOpen: () => opened.push(clock.now),
    ...options,
  });
  return { breaker, clock, opened };
}

describe('the database breaker', () => {
  it('passes results and ordinary query errors through while the database answers', async () => {
    const { breaker, opened } = breakerWithClock();
    await expect(breaker.run(async (begun) => (begun(), 42))).resolves.toBe(42);
    const refused = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(breaker.run(() => Promise.reject(refused))).rejects.toBe(refused);
    expect(breaker.status).toBe('closed');
    expect(opened).toEqual([]);
  });

  it('gives up on a transaction that cannot get a connection within the acquire deadline, and opens', async () => {
    const { breaker, opened } = breakerWithClock();
    const started = Date.now();
    await expect(breaker.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(breaker.status).toBe('open');
    expect(opened).toHaveLength(1);
  });

  it('sheds a caller stuck behind a saturated pool without opening while other transactions begin', async () => {
    const { breaker, clock, opened } = breakerWithClock();
    const queued = breaker.run(never);
    // Another transaction gets its first statement answered meanwhile: the database is alive.
    clock.now += 50;
    await breaker.run(async (begun) => (begun(), 'served'));
    await expect(queued).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(breaker.status).toBe('closed');
    expect(opened).toEqual([]);
  });

  it('refuses to start the work of a transaction that begins after its caller was answered', async () => {
    const { breaker } = breakerWithClock();
    let begin: () => void = () => {};
    const late = breaker.run((begun) => {
      begin = begun;
      return never();
    });
    await expect(late).rejects.toBeInstanceOf(DatabaseUnavailableError);
    // withRole calls begun() inside the transaction before the caller's work: throwing rolls it back.
    expect(() => begin()).toThrow(DatabaseUnavailableError);
  });

  it('does not cut short a long transaction once its first statement has answered', async () => {
    const { breaker } = breakerWithClock();
    const result = breaker.run(async (begun) => {
      begun();
      await sleep(300); // three acquire deadlines
      return 'finished';
    });
    await expect(result).resolves.toBe('finished');
    expect(breaker.status).toBe('closed');
  });

  it('fails new transactions at once while open, without starting them', async () => {
    const { breaker } = breakerWithClock();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    const started = jest.fn(async () => 1);
    await expect(breaker.run(started)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(started).not.toHaveBeenCalled();
  });

  it('lets one probe through after the cooldown and closes when it succeeds', async () => {
    const { breaker, clock } = breakerWithClock();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    clock.now += 1_500;
    let finishProbe: (value: string) => void = () => {};
    const probe = breaker.run((begun) => new Promise<string>((resolve) => (begun(), (finishProbe = resolve))));
    expect(breaker.status).toBe('probing');
    // A second caller while the probe is out is not let through.
    await expect(breaker.run(async () => 'second')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    finishProbe('probe ok');
    await expect(probe).resolves.toBe('probe ok');
    expect(breaker.status).toBe('closed');
    await expect(breaker.run(async () => 'normal again')).resolves.toBe('normal again');
  });

  it('opens again, and replaces the pool again, when the probe finds the database still down', async () => {
    const { breaker, clock, opened } = breakerWithClock();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    clock.now += 1_500;
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(breaker.status).toBe('open');
    expect(opened).toEqual([1_000, 2_500]);
    clock.now += 1_000;
    await expect(breaker.run(async () => 'too soon')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('opens again when the probe cannot even begin in time, rather than waiting on it for good', async () => {
    const { breaker, clock, opened } = breakerWithClock();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    clock.now += 1_500;
    await expect(breaker.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(breaker.status).toBe('open');
    expect(opened).toHaveLength(2);
    clock.now += 1_500;
    await expect(breaker.run(async (begun) => (begun(), 'back'))).resolves.toBe('back');
    expect(breaker.status).toBe('closed');
  });

  it('asks the ping before opening on a missed acquire deadline, and stays closed when it answers', async () => {
    let pingFails = false;
    const ping = jest.fn(async () => {
      if (pingFails) throw new Error('ECONNREFUSED');
    });
    const { breaker, opened } = breakerWithClock({ ping });
    await expect(breaker.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await sleep(10);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(breaker.status).toBe('closed');
    pingFails = true;
    await expect(breaker.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await sleep(10);
    expect(breaker.status).toBe('open');
    expect(opened).toHaveLength(1);
  });

  it('closes when the probe reaches the database even if the database refuses the query', async () => {
    const { breaker, clock } = breakerWithClock();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    clock.now += 1_500;
    const refused = Object.assign(new Error('permission denied'), { code: '42501' });
    await expect(breaker.run(() => Promise.reject(refused))).rejects.toBe(refused);
    expect(breaker.status).toBe('closed');
  });

  it('answers transactions stranded by an outage as unavailable after the grace period', async () => {
    const { breaker } = breakerWithClock();
    const stranded = [1, 2, 3].map(() => breaker.run(async (begun) => (begun(), never())));
    const settled = Promise.allSettled(stranded);
    const started = Date.now();
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    const outcomes = await settled;
    expect(Date.now() - started).toBeLessThan(1_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseUnavailableError);
    }
  });

  it('lets a stranded transaction that settles within the grace period report its own outcome', async () => {
    const { breaker } = breakerWithClock({ inFlightGraceMs: 200 });
    const inFlight = breaker.run(async (begun) => {
      begun();
      await sleep(20);
      return 'committed';
    });
    await expect(breaker.run(down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(inFlight).resolves.toBe('committed');
  });
});
