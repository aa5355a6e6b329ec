import { expect, test } from '@playwright/test';
import { BUDGET, formatReport, measureLcp, measurePlayerJs } from '../../scripts/measure-frontend';

/**
 * The front-end budget (issue 7, point 2) as a regression check, through the same code as
 * `npm run measure:frontend`: catalog LCP < 1 s (median of cold loads, desktop and 360 px, no
 * throttling) and the quest player's first-load JS ≤ 150 kB gzip. Desktop project only: the
 * figures do not depend on the project's device, and each run costs several cold loads.
 */
test.describe('front-end budget', () => {
  test.beforeEach(({}, info) => {
    test.skip(info.project.name !== 'desktop', 'measured once, from the desktop project');
  });

  test('catalog LCP stays under 1 s and requests nothing from other origins (no web fonts)', async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const results = [await measureLcp(browser, baseURL!, 'desktop'), await measureLcp(browser, baseURL!, 'phone')];
    for (const result of results) {
      console.log(`catalog LCP ${result.viewport}: ${result.medianMs} ms [${result.runs.join(', ')}] ${result.element}`);
      expect(result.medianMs).toBeLessThan(BUDGET.catalogLcpMs);
    }

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const requests: { url: string; type: string }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    await page.goto('/quests', { waitUntil: 'networkidle' });
    expect(requests.filter((r) => new URL(r.url).origin !== new URL(baseURL!).origin)).toEqual([]);
    expect(requests.filter((r) => r.type === 'font')).toEqual([]);
    await context.close();
  });

  test('the quest player loads at most 150 kB of JavaScript (gzip) on first visit', async ({ browser, baseURL }) => {
    test.setTimeout(60_000);
    const playerJs = await measurePlayerJs(browser, baseURL!);
    console.log(formatReport({ url: baseURL!, throttling: 'none', lcp: [], playerJs, overBudget: [] }));
    // The Markdown renderer is not part of it: the server renders step bodies.
    expect(playerJs.scripts.length).toBeGreaterThan(0);
    expect(playerJs.transferredBytes).toBeLessThanOrEqual(BUDGET.playerJsGzipBytes);
  });
});
