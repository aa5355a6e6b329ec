import { expect, test } from '@playwright/test';

/** Every response — pages, API answers, errors — carries the baseline security headers. */
test('pages and API answers carry the security headers and no X-Powered-By', async ({ request }, info) => {
  test.skip(info.project.name !== 'desktop', 'Headers do not depend on the viewport.');
  for (const path of ['/', '/quests', '/login', '/api/health', '/api/quests', '/no-such-page']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-powered-by'], path).toBeUndefined();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    // next start runs with NODE_ENV=production.
    expect(headers['strict-transport-security'], path).toContain('max-age=');
  }
});

test('pages run under a nonce script policy without a single violation', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'The policy does not depend on the viewport.');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/quests');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  // Hydrated: a client-side control reacts (the catalog's filters are links; the header menu is interactive).
  await page.goto('/register');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/valid email/i).first()).toBeVisible();
  expect(violations).toEqual([]);
});
