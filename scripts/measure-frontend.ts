/**
 * The front-end budget (issue 7, point 2), measured in headless Chromium against a running
 * `next start`: the catalog page's Largest Contentful Paint (median of cold loads, desktop and a
 * 360 px phone) and the quest player's first-load JavaScript (gzip bytes on the wire for a
 * signed-in learner's first visit). Prints a table; exits 1 when over budget.
 *
 *   npm run measure:frontend -- --url http://127.0.0.1:3000 [--runs 5] [--cpu-throttle 4] [--json]
 *
 * It builds and starts nothing: run `npm run build && npx next start` first. No throttling is
 * applied unless --cpu-throttle is given (loopback network, this machine's CPU).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium-launch';

export const BUDGET = { catalogLcpMs: 1000, playerJsGzipBytes: 150 * 1024 } as const;

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
export type ViewportName = keyof typeof VIEWPORTS;

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Collects LCP candidates from the first paint on (buffered), before any page script runs. */
const LCP_OBSERVER = `
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push({ t: e.startTime, el: e.element ? e.element.tagName + (e.element.id ? '#' + e.element.id : '') : '', url: e.url || '' });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

export interface LcpResult {
  viewport: ViewportName;
  runs: number[];
  medianMs: number;
  element: string;
}

/** Median LCP of `runs` cold loads (a fresh context each: empty cache, no cookies) of `path`. */
export async function measureLcp(
  browser: Browser,
  baseUrl: string,
  viewport: ViewportName,
  { path = '/quests', runs = 5, cpuThrottle = 1 }: { path?: string; runs?: number; cpuThrottle?: number } = {},
): Promise<LcpResult> {
  const times: number[] = [];
  let element = '';
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ ...VIEWPORTS[viewport], baseURL: baseUrl, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      if (cpuThrottle > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
      }
      await page.addInitScript(LCP_OBSERVER);
      await page.goto(path, { waitUntil: 'load' });
      // LCP is final once the page has painted its last large element; give late images a moment.
      await page.waitForTimeout(500);
      const entries = await page.evaluate(() => (window as unknown as { __lcp: { t: number; el: string; url: string }[] }).__lcp);
      const last = entries.at(-1);
      if (!last) throw new Error(`No largest-contentful-paint entry for ${path} (${viewport})`);
      times.push(Math.round(last.t));
      element = last.url ? `${last.el} ${new URL(last.url, baseUrl).pathname}` : last.el;
    } finally {
      await context.close();
    }
  }
  return { viewport, runs: times, medianMs: median(times), element };
}

export interface ScriptTransfer {
  url: string;
  /** Body bytes as sent (gzip when the server compressed it). */
  transferred: number;
  encoding: string;
  /** The body gzipped here (level 9), a cross-check that does not depend on the server compressing. */
  gzip: number;
}

export interface PlayerJsResult {
  scripts: ScriptTransfer[];
  transferredBytes: number;
  gzipBytes: number;
}

/** Registers a learner through the API and starts `slug` (the seeded free quest by default). Returns the context's cookies. */
async function learnerWithStartedQuest(browser: Browser, baseUrl: string, slug: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const email = `measure-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const registered = await context.request.post('/api/auth/register', {
      data: { email, password: 'correct horse battery staple', fullName: 'Budget Probe' },
    });
    if (!registered.ok()) throw new Error(`Register failed: ${registered.status()} ${await registered.text()}`);
    const started = await context.request.post(`/api/quests/${slug}/start`);
    if (!started.ok()) throw new Error(`Starting ${slug} failed: ${started.status()} ${await started.text()}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * First-load JS of the quest player: every script response of a cold visit to
 * /quests/:slug/play (fresh cache, signed in), until the first step is on screen and the
 * network is idle — lazily loaded chunks the first render asks for count too.
 */
export async function measurePlayerJs(
  browser: Browser,
  baseUrl: string,
  { slug = 'html-semantic-structure' }: { slug?: string } = {},
): Promise<PlayerJsResult> {
  const storageState = await learnerWithStartedQuest(browser, baseUrl, slug);
  const context = await browser.newContext({ ...VIEWPORTS.desktop, baseURL: baseUrl, storageState, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const pending: Promise<ScriptTransfer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const [sizes, body, headers] = await Promise.all([response.request().sizes(), response.body(), response.allHeaders()]);
          return {
            url: new URL(response.url()).pathname,
            transferred: sizes.responseBodySize,
            encoding: headers['content-encoding'] ?? 'identity',
            gzip: gzipSync(body, { level: 9 }).length,
          };
        })(),
      );
    });
    await page.goto(`/quests/${slug}/play`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const scripts = await Promise.all(pending);
    return {
      scripts,
      transferredBytes: scripts.reduce((sum, s) => sum + s.transferred, 0),
      gzipBytes: scripts.reduce((sum, s) => sum + s.gzip, 0),
    };
  } finally {
    await context.close();
  }
}

export interface FrontendReport {
  url: string;
  throttling: string;
  lcp: LcpResult[];
  playerJs: PlayerJsResult;
  overBudget: string[];
}

export async function measureFrontend(
  baseUrl: string,
  { runs = 5, cpuThrottle = 1, browser }: { runs?: number; cpuThrottle?: number; browser?: Browser } = {},
): Promise<FrontendReport> {
  const own = browser ? null : await launchChromium();
  const b = browser ?? own!;
  try {
    const lcp = [
      await measureLcp(b, baseUrl, 'desktop', { runs, cpuThrottle }),
      await measureLcp(b, baseUrl, 'phone', { runs, cpuThrottle }),
    ];
    const playerJs = await measurePlayerJs(b, baseUrl);
    const overBudget = [
      ...lcp.filter((l) => l.medianMs >= BUDGET.catalogLcpMs).map((l) => `catalog LCP (${l.viewport}) ${l.medianMs} ms ≥ ${BUDGET.catalogLcpMs} ms`),
      ...(Math.max(playerJs.transferredBytes, playerJs.gzipBytes) > BUDGET.playerJsGzipBytes
        ? [`player first-load JS ${kb(Math.max(playerJs.transferredBytes, playerJs.gzipBytes))} > ${kb(BUDGET.playerJsGzipBytes)}`]
        : []),
    ];
    const throttling = cpuThrottle > 1 ? `CPU ${cpuThrottle}× slower (CDP), network unthrottled (loopback)` : 'none (loopback network, unthrottled CPU)';
    return { url: baseUrl, throttling, lcp, playerJs, overBudget };
  } finally {
    await own?.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function formatReport(report: FrontendReport): string {
  const { lcp, playerJs } = report;
  const rows: [string, string, string, string][] = [
    ...lcp.map((l): [string, string, string, string] => [
      `Catalog LCP, ${l.viewport} (${VIEWPORTS[l.viewport].viewport.width} px), median of ${l.runs.length}`,
      `${l.medianMs} ms  [${l.runs.join(', ')}] ${l.element}`,
      `< ${BUDGET.catalogLcpMs} ms`,
      l.medianMs < BUDGET.catalogLcpMs ? 'ok' : 'OVER',
    ]),
    [
      `Player first-load JS (${playerJs.scripts.length} scripts)`,
      `${kb(playerJs.transferredBytes)} on the wire, ${kb(playerJs.gzipBytes)} gzip -9`,
      `≤ ${kb(BUDGET.playerJsGzipBytes)}`,
      Math.max(playerJs.transferredBytes, playerJs.gzipBytes) <= BUDGET.playerJsGzipBytes ? 'ok' : 'OVER',
    ],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  const largest = [...playerJs.scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 8);
  return [
    `Front-end budget against ${report.url} — throttling: ${report.throttling}`,
    '',
    ...rows.map(line),
    '',
    'Largest player scripts (gzip -9, as sent):',
    ...largest.map((s) => `  ${kb(s.gzip).padStart(9)}  ${kb(s.transferred).padStart(9)} ${s.encoding.padEnd(8)} ${s.url}`),
  ].join('\n');
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(argv: string[]) {
  const url = argValue(argv, '--url') ?? process.env.MEASURE_URL ?? 'http://127.0.0.1:3000';
  const runs = Number(argValue(argv, '--runs') ?? 5);
  const cpuThrottle = Number(argValue(argv, '--cpu-throttle') ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be an integer from 1 to 50');
  if (!(cpuThrottle >= 1 && cpuThrottle <= 20)) throw new Error('--cpu-throttle must be a number from 1 to 20');
  const health = await fetch(new URL('/api/health', url)).catch(() => null);
  if (!health?.ok) throw new Error(`Nothing answers at ${url}/api/health — start the app first (npm run build && npx next start)`);
  const report = await measureFrontend(url, { runs, cpuThrottle });
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.overBudget.length) {
    console.error(`\nOver budget:\n  ${report.overBudget.join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('measure-frontend.ts')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
