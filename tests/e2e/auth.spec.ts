import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const PASSWORD = 'correct horse battery staple';

async function openVerificationLink(page: Page, email: string) {
  await page.goto('/dev/mailbox');
  const mail = page.locator('details', { hasText: email }).first();
  await mail.locator('summary').click();
  await mail.getByRole('link', { name: /verify-email\?token=/ }).click();
}

test.describe('accounts', () => {
  test('register → verify through the mailbox → sign out → sign in → sign out', async ({ page }, info) => {
    const email = `e2e-${info.project.name}-${Date.now()}@example.test`;

    await page.goto('/register');
    await expectNoAxeViolations(page);
    await page.getByLabel('Your name').fill('Playwright Learner');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/verify-email\?sent=1/);
    await expect(page.getByText('We sent you a link')).toBeVisible();

    await openVerificationLink(page, email);
    await expect(page.getByText('Your email is verified')).toBeVisible();

    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByText('Email verified')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

    await page.goto('/settings');
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('shows field errors without leaving the form, and a wrong password gently', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Use at least 10 characters')).toBeVisible();
    await expect(page.getByLabel('Your name')).toBeFocused();

    await page.goto('/login');
    await page.getByLabel('Email').fill('nobody@example.test');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' })).toBeVisible();
  });

  test('the forgot-password form answers without revealing accounts', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(`unknown-${Date.now()}@example.test`);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByText(/If an account exists for that email/)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
