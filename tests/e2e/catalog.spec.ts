import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test.describe('public catalog', () => {
  test('the landing page leads to the catalog', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Learn real skills');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Browse quests' }).click();
    await expect(page).toHaveURL(/\/quests$/);
  });

  test('shows the seeded quests, filters them and opens an overview', async ({ page }) => {
    await page.goto('/quests');
    await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(12);
    await expect(page.getByText(/^\d+ quests$/)).toHaveText(/2[4-9] quests|[3-9]\d quests/);
    await expectNoAxeViolations(page);

    // Filter by level, then open the first quest.
    await page.getByRole('navigation', { name: 'Level' }).getByRole('link', { name: 'Advanced' }).click();
    await expect(page).toHaveURL(/difficulty=advanced/);
    await expect(page.getByRole('navigation', { name: 'Level' }).getByRole('link', { name: 'Advanced' })).toHaveAttribute('aria-current', 'page');
    const first = cards.first().getByRole('link');
    const title = await first.innerText();
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { name: 'Quest outline' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Quest outline' }).locator('..').getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('pages through the catalog, and a filter starts again at page 1', async ({ page }) => {
    await page.goto('/quests');
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Page 2 of 2/)).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Premium' }).click();
    await expect(page).toHaveURL(/\/quests\?tier=premium$/);
    await expect(page.getByRole('article').first()).toBeVisible();
  });

  test('fits a 360 px screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/quests');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('answers an unknown quest with a helpful 404', async ({ page }) => {
    const response = await page.goto('/quests/no-such-quest');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Quest not found' })).toBeVisible();
  });
});
