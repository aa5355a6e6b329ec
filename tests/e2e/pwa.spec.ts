import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expectNoHorizontalScroll, register, unique } from './support/accounts';

/**
 * The PWA (issue 7, point 6): installable in Chromium, the service worker controls the app, and a
 * learner keeps reading the current quest offline; a step moved offline is queued with a client
 * event id and lands on the server exactly once when the browser is back online.
 */

const SLUG = 'html-semantic-structure';
const QUEST_CACHE = 'workfree-sw-v1-quest';

async function controlledByServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

test.describe('progressive web app', () => {
  test('is installable: a valid manifest with icons, and a service worker that controls the page', async ({ page, browserName }, info) => {
    test.skip(browserName !== 'chromium', 'installability is checked through Chromium');
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await page.request.get(href!);
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'WorkFree', start_url: '/', display: 'standalone', theme_color: '#4f46e5' });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const image = await page.request.get(icon.src);
      expect(image.headers()['content-type']).toBe('image/png');
      // PNG signature and the declared width in the IHDR chunk.
      const bytes = await image.body();
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(Number(icon.sizes.split('x')[0]));
    }

    await controlledByServiceWorker(page);
    const cdp = await page.context().newCDPSession(page);
    const { errors: manifestErrors, url } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifestErrors).toEqual([]);
    // Playwright's browser contexts are incognito profiles, where Chromium never offers install:
    // that one reason is the test bench's; any other would be the app's.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    // The offline fallback is precached and usable at 360 px.
    await page.goto('/offline');
    await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    if (info.project.name === 'mobile') await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('keeps the current quest readable offline and syncs a step moved offline exactly once', async ({ page, context }) => {
    test.setTimeout(90_000);
    await register(page, `pwa-${unique()}@example.test`, 'Offline Reader');
    await page.goto(`/quests/${SLUG}`);
    await page.getByRole('button', { name: 'Start quest' }).click();
    await expect(page).toHaveURL(new RegExp(`/quests/${SLUG}/play$`));
    const firstStep = page.getByRole('heading', { level: 2, name: /Elements describe meaning, not looks/ });
    await expect(firstStep).toBeVisible();
    await controlledByServiceWorker(page);

    const progress = (await (await page.request.get('/api/progress')).json()).progress as { id: string; currentStep: number }[];
    expect(progress).toHaveLength(1);
    const progressId = progress[0]!.id;
    // The player asked the worker to keep this quest: its page and the detail it reads.
    await expect
      .poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort(), QUEST_CACHE))
      .toEqual([`/api/progress/${progressId}`, `/quests/${SLUG}/play`]);

    await context.setOffline(true);
    await page.reload();
    await expect(firstStep).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Why semantics matter' })).toBeVisible();

    // Moving on offline: queued on the device, and the learner is told.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Headings, buttons and links/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Saved offline: 1 step will sync when you are back online.' })).toBeVisible();
    await expectNoHorizontalScroll(page);

    // Pages the worker does not keep fall back to the offline page.
    const other = await context.newPage();
    await other.goto('/leaderboard');
    await expect(other.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    await other.close();

    await context.setOffline(false);
    await expect(page.getByRole('status').filter({ hasText: 'Synced: 1 step saved offline is now on your account.' })).toBeVisible();
    const synced = await (await page.request.get(`/api/progress/${progressId}`)).json();
    expect(synced.progress.currentStep).toBe(1);

    // A reload replays nothing more (the queue is empty), and the learner resumes on the synced step.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /Headings, buttons and links/ })).toBeVisible();
    const queued = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('workfree-offline');
          open.onsuccess = () => {
            const count = open.result.transaction('progress-events').objectStore('progress-events').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(queued).toBe(0);
    expect((await (await page.request.get(`/api/progress/${progressId}`)).json()).progress.currentStep).toBe(1);

    // A move made online refreshes the kept copy: an offline reload resumes on that step.
    const landmark = page.getByRole('heading', { level: 2, name: /Pick the landmark/ });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(landmark).toBeVisible();
    await expect
      .poll(async () => {
        const cached = await page.evaluate(
          async ({ name, path }) => (await (await caches.open(name)).match(path))?.text(),
          { name: QUEST_CACHE, path: `/api/progress/${progressId}` },
        );
        return cached ? JSON.parse(cached).progress.currentStep : null;
      })
      .toBe(2);
    await context.setOffline(true);
    await page.reload();
    await expect(landmark).toBeVisible();
    await context.setOffline(false);
  });

  test('signing out drops the cached quest', async ({ page }) => {
    await register(page, `pwa-out-${unique()}@example.test`, 'Leaving Reader');
    await page.goto(`/quests/${SLUG}`);
    await page.getByRole('button', { name: 'Start quest' }).click();
    await expect(page).toHaveURL(new RegExp(`/quests/${SLUG}/play$`));
    await controlledByServiceWorker(page);
    const cachedPaths = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, QUEST_CACHE);
    await expect.poll(cachedPaths).toBe(2);

    await page.getByRole('button', { name: /Sign out/ }).first().click();
    await expect(page).not.toHaveURL(/\/play$/);
    await expect.poll(cachedPaths).toBe(0);
    // Signed out, the player is not served from anywhere: the proxy sends the visitor to sign in.
    await page.goto(`/quests/${SLUG}/play`);
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});
