import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/**
 * Plays the seeded free quest "html-semantic-structure" end to end (its steps and right answers
 * are in supabase/seed/quests/web-development.ts): 2 readings, 3 quizzes, 1 task.
 */

const PASSWORD = 'correct horse battery staple';
const SLUG = 'html-semantic-structure';
const TITLE = 'Semantic HTML: Structure Pages That Mean Something';

async function registerLearner(page: Page, info: TestInfo) {
  const email = `player-${info.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Playwright Player');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/verify-email\?sent=1/);
}

const stepHeading = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: new RegExp(title) });

/** Toasts (a streak achievement can unlock on the first answer) may sit over the buttons: clear them. */
async function dismissToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: /^Dismiss/ }).all()) {
    await button.click().catch(() => undefined);
  }
}

async function next(page: Page, expectedTitle: string) {
  await dismissToasts(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const heading = stepHeading(page, expectedTitle);
  await expect(heading).toBeVisible();
  // Focus follows the learner to the new step.
  await expect(heading).toBeFocused();
}

async function answerQuiz(page: Page, choice: RegExp) {
  const check = page.getByRole('button', { name: 'Check answer' });
  await expect(check).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  await page.getByRole('radio', { name: choice }).check();
  await check.click();
  await expect(page.getByText('Correct!')).toBeVisible();
  await expect(page.getByText('Explanation', { exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: choice })).toBeDisabled();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('quest player', () => {
  test('plays a free quest from start to finish, resuming where the learner left off', async ({ page }, info) => {
    test.setTimeout(120_000);
    // The finish screen animates its level bar; reduced motion keeps axe from catching it mid-way.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await registerLearner(page, info);

    await page.goto(`/quests/${SLUG}`);
    await page.getByRole('button', { name: 'Start quest' }).click();
    await expect(page).toHaveURL(new RegExp(`/quests/${SLUG}/play$`));

    // Step 1 (reading): the header, the progress bar, Markdown with a code block.
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(stepHeading(page, 'Elements describe meaning, not looks')).toBeVisible();
    await expect(page.getByText('Step 1 of 6', { exact: true })).toBeVisible();
    const bar = page.getByRole('progressbar', { name: 'Quest progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '0');
    await expect(bar).toHaveAttribute('aria-valuemax', '100');
    await expect(page.getByRole('heading', { level: 3, name: 'Why semantics matter' })).toBeVisible();
    await expect(page.locator('pre').first()).toContainText('<nav aria-label="Primary">');
    await expect(page.getByRole('button', { name: /Previous/ })).toBeDisabled();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await next(page, 'Headings, buttons and links');
    await expect(page.getByText('Step 2 of 6', { exact: true })).toBeVisible();
    await next(page, 'Pick the landmark');

    // Step 3 (quiz).
    await answerQuiz(page, /^<aside>$/);
    await expectNoAxeViolations(page);

    // Resume: after the move is saved, a reload opens the step the learner reached.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.ok() && JSON.parse(r.request().postData() ?? '{}').currentStep === 3,
    );
    await next(page, 'Button or link\\?');
    await saved;
    await page.reload();
    await expect(stepHeading(page, 'Button or link\\?')).toBeVisible();
    await expect(page.getByText('Step 4 of 6', { exact: true })).toBeVisible();

    // Going back shows the answered quiz as it was.
    await dismissToasts(page);
    await page.getByRole('button', { name: /Previous/ }).click();
    await expect(stepHeading(page, 'Pick the landmark')).toBeFocused();
    await expect(page.getByRole('radio', { name: /^<aside>$/ })).toBeChecked();
    await expect(page.getByText('Correct!')).toBeVisible();
    await next(page, 'Button or link\\?');

    // Step 4 and 5 (quizzes).
    await answerQuiz(page, /^<button type="button"/);
    await next(page, 'Small headings');
    await answerQuiz(page, /^As an <h3>, styled with CSS/);
    await next(page, 'Refactor a page of div soup');

    // Step 6 (task): "Mark task complete" waits for every item.
    const done = page.getByRole('button', { name: 'Mark task complete' });
    const items = page.getByRole('checkbox');
    await expect(items).toHaveCount(5);
    await expect(done).toBeDisabled();
    for (const item of await items.all()) await item.check();
    await done.click();
    await expect(page.getByText('Task complete', { exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);

    // Finish.
    await dismissToasts(page);
    await page.getByRole('button', { name: 'Finish quest' }).click();
    const finished = page.getByRole('heading', { level: 2, name: 'Quest complete!' });
    await expect(finished).toBeVisible();
    await expect(finished).toBeFocused();
    await expect(page.getByText('Completed', { exact: true })).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    const stats = page.locator('dl');
    await expect(stats.locator('div', { has: page.getByText('Score', { exact: true }) }).locator('dd')).toHaveText('100%');
    await expect(stats.locator('div', { has: page.getByText('XP earned', { exact: true }) }).locator('dd')).toHaveText('+100 XP');
    // A new learner's first 100 XP reach level 2.
    await expect(page.getByText('Level up!').first()).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /^Progress to level \d+$/ })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Back to quests' })).toHaveAttribute('href', '/quests');
    await expect(main.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // A completed quest reopens on its summary, and its steps can be reviewed.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'You completed this quest' })).toBeVisible();
    await expect(page.locator('dl').locator('div', { has: page.getByText('Score', { exact: true }) }).locator('dd')).toHaveText('100%');
    await page.getByRole('button', { name: 'Review steps' }).click();
    await expect(stepHeading(page, 'Elements describe meaning, not looks')).toBeFocused();
  });

  test('sends a learner who has not started the quest to its overview', async ({ page }, info) => {
    await registerLearner(page, info);
    await page.goto(`/quests/${SLUG}/play`);
    await expect(page).toHaveURL(new RegExp(`/quests/${SLUG}$`));
    await expect(page.getByRole('button', { name: 'Start quest' })).toBeVisible();
  });

  test('asks a signed-out visitor to sign in first', async ({ page }) => {
    await page.goto(`/quests/${SLUG}/play`);
    await expect(page).toHaveURL(/\/login\?next=%2Fquests%2Fhtml-semantic-structure%2Fplay/);
  });
});
