import { GET } from '@/app/api/bench/floor/route';
import { resetEnvForTests } from '@/lib/env';

describe('GET /api/bench/floor', () => {
  const saved = process.env.ENABLE_BENCH_ROUTES;
  afterEach(() => {
    if (saved === undefined) delete process.env.ENABLE_BENCH_ROUTES;
    else process.env.ENABLE_BENCH_ROUTES = saved;
    resetEnvForTests();
  });

  it('does not exist unless ENABLE_BENCH_ROUTES is on', async () => {
    delete process.env.ENABLE_BENCH_ROUTES;
    resetEnvForTests();
    const response = await GET();
    expect(response.status).toBe(404);
    expect((await response.json()).success).toBe(false);
  });

  it('answers a constant, uncached JSON body when the flag is on', async () => {
    process.env.ENABLE_BENCH_ROUTES = 'true';
    resetEnvForTests();
    const first = await GET();
    const second = await GET();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const body = await first.json();
    expect(body).toEqual({ success: true, data: { floor: true } });
    expect(await second.json()).toEqual(body);
  });
});
