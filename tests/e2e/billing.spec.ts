import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** The e2e server runs on the embedded defaults: no STRIPE_SECRET_KEY, so billing is off. */
test.describe('pricing without billing configured', () => {
  test('shows the free column, both premium plans and the not-configured notice', async ({ page }) => {
    await page.goto('/pricing');
    await expect(page.getByRole('heading', { level: 1, name: 'Pricing' })).toBeVisible();
    await expect(page.getByText('Billing is not configured on this server')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Free' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Premium monthly' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Premium yearly' })).toBeVisible();
    await expect(page.getByText('$9 / month')).toBeVisible();
    await expect(page.getByText('$79 / year')).toBeVisible();
    const signIn = page.getByRole('link', { name: 'Sign in to upgrade' });
    await expect(signIn).toHaveCount(2);
    await expect(signIn.first()).toHaveAttribute('href', '/login?next=%2Fpricing');
    await expectNoAxeViolations(page);
  });

  test('the cancel page says nothing was charged', async ({ page }) => {
    await page.goto('/billing/cancel');
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout canceled' })).toBeVisible();
    await expect(page.getByText('Nothing was charged.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('pricing fits a 360 px screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/pricing');
    await expect(page.getByRole('heading', { level: 2, name: 'Premium yearly' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
