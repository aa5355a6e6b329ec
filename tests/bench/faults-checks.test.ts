import { answersWithin, formatCheckTable, judgeOutage, recoveryAfter, type TimedAnswer } from '@/bench/lib/fault-checks';

const at = (sentMs: number, status: number, code?: string, over: Partial<TimedAnswer> = {}): TimedAnswer => ({
  op: 'progress-list',
  sentMs,
  doneMs: sentMs + 50,
  status,
  code,
  retryAfter: status === 503 ? '5' : undefined,
  elapsedMs: 50,
  ...over,
});

describe('judging an outage', () => {
  it('keeps the answers sent and finished inside the window', () => {
    const answers = [at(900, 200), at(1000, 503, 'X'), at(1900, 503, 'X', { doneMs: 2100 }), at(2000, 200)];
    expect(answersWithin(answers, 1000, 2000)).toHaveLength(1);
  });

  it('accepts 503 with the expected code and 2xx (nothing needed the database), and names everything else', () => {
    const judged = judgeOutage(
      [at(0, 503, 'DATABASE_UNAVAILABLE'), at(1, 200), at(2, 500, 'INTERNAL_ERROR'), at(3, 0, 'TIMEOUT', { elapsedMs: 15_000 }), at(4, 503, 'SERVICE_UNAVAILABLE')],
      { code: 'DATABASE_UNAVAILABLE', retryAfter: '5' },
    );
    expect(judged).toMatchObject({ total: 5, unavailable: 1, served: 1, maxElapsedMs: 15_000, missingRetryAfter: 0 });
    expect(judged.failures.map((f) => f.key).sort()).toEqual(['progress-list - TIMEOUT', 'progress-list 500 INTERNAL_ERROR', 'progress-list 503 SERVICE_UNAVAILABLE']);
  });

  it('counts 503s that do not say when to retry', () => {
    const judged = judgeOutage([at(0, 503, 'DATABASE_UNAVAILABLE', { retryAfter: undefined })], { code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
    expect(judged.missingRetryAfter).toBe(1);
  });
});

describe('time to recovery', () => {
  it('finds the first success and the start of a stretch with no failure', () => {
    const answers = [at(100, 503, 'X'), at(1000, 503, 'X'), at(1500, 200), at(1600, 503, 'X'), at(2000, 200), at(3000, 200), at(5100, 200)];
    expect(recoveryAfter(answers, 500, 3000)).toEqual({ firstSuccessMs: 1000, stableMs: 1500 });
  });

  it('is undefined when the app never recovers', () => {
    expect(recoveryAfter([at(1000, 503, 'X'), at(9000, 503, 'X')], 0, 3000)).toBeUndefined();
    expect(recoveryAfter([at(1000, 200)], 0, 3000)).toBeUndefined();
  });

  it('prints one line per check with PASS or FAIL', () => {
    const table = formatCheckTable([
      { scenario: 'A', name: 'one', pass: true, detail: 'fine' },
      { scenario: 'B', name: 'two', pass: false, detail: 'broken' },
    ]);
    expect(table.split('\n')).toEqual(['  PASS  A  one         fine', '  FAIL  B  two         broken']);
  });
});
