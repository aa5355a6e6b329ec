import { Counter, Gauge, Histogram, Registry, escapeLabelValue, formatValue } from '@/lib/observability/metrics-registry';

describe('the Prometheus registry', () => {
  it('renders counters with HELP, TYPE and one line per label set', () => {
    const registry = new Registry();
    const requests = registry.register(new Counter('http_requests_total', 'Requests.', ['method', 'status']));
    requests.inc({ method: 'GET', status: '200' });
    requests.inc({ method: 'GET', status: '200' });
    requests.inc({ method: 'POST', status: '201' }, 3);
    expect(registry.render()).toBe(
      [
        '# HELP http_requests_total Requests.',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="GET",status="200"} 2',
        'http_requests_total{method="POST",status="201"} 3',
        '',
      ].join('\n'),
    );
  });

  it('shows an unlabelled counter at 0 before its first event, and refuses to go down', () => {
    const registry = new Registry();
    const signups = registry.register(new Counter('workfree_signups_total', 'Sign-ups.'));
    expect(registry.render()).toContain('\nworkfree_signups_total 0\n');
    expect(() => signups.inc({}, -1)).toThrow(/only goes up/);
  });

  it('escapes backslashes, quotes and newlines in label values and HELP text', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const registry = new Registry();
    registry.register(new Counter('odd_total', 'Line one\nback\\slash', ['path'])).inc({ path: '/x"y\\z\n' });
    const text = registry.render();
    expect(text).toContain('# HELP odd_total Line one\\nback\\\\slash\n');
    expect(text).toContain('odd_total{path="/x\\"y\\\\z\\n"} 1\n');
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', () => {
    const registry = new Registry();
    const duration = registry.register(new Histogram('d_seconds', 'Durations.', ['route'], [0.1, 0.5, 1]));
    for (const value of [0.05, 0.1, 0.3, 2]) duration.observe({ route: '/api/x' }, value);
    const lines = registry.render().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE d_seconds histogram',
        'd_seconds_bucket{route="/api/x",le="0.1"} 2',
        'd_seconds_bucket{route="/api/x",le="0.5"} 3',
        'd_seconds_bucket{route="/api/x",le="1"} 3',
        'd_seconds_bucket{route="/api/x",le="+Inf"} 4',
        'd_seconds_sum{route="/api/x"} 2.45',
        'd_seconds_count{route="/api/x"} 4',
      ]),
    );
  });

  it('reads gauges when scraped and formats special values', () => {
    let value = 1;
    const registry = new Registry();
    registry.register(new Gauge('live_value', 'A value.', () => value));
    value = 42;
    expect(registry.render()).toContain('\nlive_value 42\n');
    expect([formatValue(Infinity), formatValue(-Infinity), formatValue(NaN)]).toEqual(['+Inf', '-Inf', 'NaN']);
  });

  it('refuses invalid metric and label names', () => {
    expect(() => new Counter('bad-name', 'x')).toThrow(/Invalid metric name/);
    expect(() => new Histogram('h', 'x', ['le'], [1])).toThrow(/Invalid label name/);
  });
});
