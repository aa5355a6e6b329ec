import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const PASSWORD = 'correct horse battery staple';

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
/** One fresh learner per project, registered once (anonymous API calls are rate limited). */
let learnerCookies: Cookies = [];

test.beforeAll(async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Playwright Learner');
  await page.getByLabel('Email').fill(`learner-${info.project.name}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  // The built-in adapter signs a new account in straight away.
  await expect(page).toHaveURL(/\/verify-email\?sent=1/);
  learnerCookies = await context.cookies();
  await context.close();
});

/** Signs this test's page in as the learner. */
async function signIn(page: Page) {
  await page.context().addCookies(learnerCookies);
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('learner pages', () => {
  test('a new learner’s dashboard, achievements and leaderboard', async ({ page }) => {
    await signIn(page);

    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Playwright');
    await expect(page.getByRole('heading', { name: 'Start your first quest' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Level 1' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'XP towards level 2' })).toHaveAttribute('aria-valuenow', '0');
    await expect(page.getByText('Learned on 0 of the last 84 days.')).toBeVisible();
    await expect(page.getByRole('table', { name: /Learning activity/ }).getByRole('row')).toHaveCount(8);
    await expect(page.getByText('Nothing in progress.')).toBeVisible();
    const recommended = page.getByRole('region', { name: 'Recommended next' }).getByRole('article');
    await expect(recommended).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'Recent achievements' }).getByText(/None yet/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'All achievements' }).click();
    await expect(page).toHaveURL(/\/achievements$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Achievements' })).toBeVisible();
    await expect(page.getByText(/^0 of \d+ unlocked$/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Common/ })).toBeVisible();
    await expect(page.getByText('To unlock:').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.goto('/leaderboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Leaderboard' })).toBeVisible();
    await expect(page.getByText(/resets every\s+Monday at 00:00 UTC/)).toBeVisible();
    const join = page.getByRole('link', { name: 'Join the leaderboard in settings' });
    await expect(join).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // Opting in through the learning preferences, with a time zone, and back to the board.
    await join.click();
    await expect(page).toHaveURL(/\/settings#learning-preferences-heading$/);
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByLabel('Show me on the weekly leaderboard').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Preferences saved.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
    await expect(page.getByLabel('Show me on the weekly leaderboard')).toBeChecked();

    await page.goto('/leaderboard');
    await expect(page.getByRole('link', { name: 'Join the leaderboard in settings' })).toHaveCount(0);
    await expect(page.getByText('Earn XP this week to appear on the board.')).toBeVisible();
  });

  test('searches the catalog, keeping filters, and shows the learner’s lock state', async ({ page }) => {
    await signIn(page);

    await page.goto('/quests?q=sql');
    await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search quests' })).toHaveValue('sql');
    await expect(page.getByText(/^\d+ quests? matching “sql”$/)).toBeVisible();
    const titles = page.getByRole('article').getByRole('heading');
    await expect(titles.first()).toBeVisible();
    for (const title of await titles.allInnerTexts()) expect(title).toMatch(/sql/i);
    // A free learner sees premium quests locked, in words.
    await expect(page.getByText('Premium plan needed to start').first()).toBeVisible();
    // Filter chips keep the search.
    await expect(page.getByRole('navigation', { name: 'Level' }).getByRole('link', { name: 'Advanced' })).toHaveAttribute(
      'href',
      '/quests?q=sql&difficulty=advanced',
    );
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // A new search from the form (a plain GET) keeps the other filters.
    await page.goto('/quests?difficulty=beginner');
    await page.getByRole('searchbox', { name: 'Search quests' }).fill('sql');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/\/quests\?q=sql&difficulty=beginner$/);
    await expect(page.getByRole('navigation', { name: 'Level' }).getByRole('link', { name: 'Beginner' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await page.goto('/quests?q=no-such-quest-anywhere');
    await expect(page.getByText('No quests match “no-such-quest-anywhere”')).toBeVisible();
    await page.getByRole('link', { name: 'Clear search and filters' }).click();
    await expect(page).toHaveURL(/\/quests$/);
    await expect(page.getByRole('searchbox', { name: 'Search quests' })).toHaveValue('');
  });

  test('a premium quest’s overview offers a free learner the upgrade', async ({ page }) => {
    await signIn(page);

    await page.goto('/quests?tier=premium');
    const card = page.getByRole('article').first();
    await expect(card.getByText('Premium plan needed to start')).toBeVisible();
    const title = await card.getByRole('link').innerText();
    await card.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { name: 'Premium quest' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Upgrade to premium' })).toHaveAttribute('href', '/pricing');
    await expect(page.getByRole('button', { name: 'Start quest' })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('a free quest without prerequisites offers a signed-in learner "Start quest"', async ({ page }) => {
    await signIn(page);

    await page.goto('/quests?q=sql&difficulty=beginner&tier=free');
    await page.getByRole('article').first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Ready when you are' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start quest', exact: true })).toBeEnabled();
    await expect(page.getByText('No prerequisites — you can start right away.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a signed-out visitor is asked to sign in to start, and comes back to the quest', async ({ page }) => {
    await page.goto('/quests?q=sql&difficulty=beginner&tier=free');
    const link = page.getByRole('article').first().getByRole('link');
    await link.click();
    await expect(page).toHaveURL(/\/quests\/[a-z0-9-]+$/);
    const slug = new URL(page.url()).pathname.split('/').pop();
    await expect(page.getByRole('link', { name: 'Sign in to start' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(`/quests/${slug}`)}`,
    );
    await expectNoAxeViolations(page);
  });

  test('the learner pages send signed-out visitors to sign in', async ({ page }) => {
    for (const path of ['/dashboard', '/achievements', '/leaderboard']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}$`));
    }
  });
});
