import { expect, type Page } from '@playwright/test';

/**
 * Accounts for the e2e journeys: learners register through the form; an account at
 * '@admin.e2e.test' (BOOTSTRAP_SUPER_ADMINS in playwright.config) becomes super_admin once verified.
 */

export const PASSWORD = 'correct horse battery staple';

/** A stamp that keeps names, emails and slugs of one test apart from every other run's. */
export const unique = () => `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;

/** Registers through the form; the new account is signed in (not yet verified). */
export async function register(page: Page, email: string, name: string) {
  await page.goto('/register');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/verify-email\?sent=1/);
}

/** Opens the verification link the outbox holds for `email` (through /dev/mailbox). */
export async function verifyEmail(page: Page, email: string) {
  await page.goto('/dev/mailbox');
  const mail = page.locator('details', { hasText: email }).first();
  await mail.locator('summary').click();
  await mail.getByRole('link', { name: /verify-email\?token=/ }).click();
  await expect(page.getByText('Your email is verified')).toBeVisible();
}

/** Signs in through the form from a signed-out browser; `next` is where the form sends it after. */
export async function signIn(page: Page, email: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Registers and verifies a bootstrap admin, then signs in again: the role is granted at
 * verification, and the proxy's first gate reads it from a fresh token.
 */
export async function signUpAdmin(page: Page): Promise<string> {
  const email = `a-${unique()}@admin.e2e.test`;
  await register(page, email, 'Playwright Admin');
  await verifyEmail(page, email);
  await page.context().clearCookies();
  await signIn(page, email, '/admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  return email;
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
