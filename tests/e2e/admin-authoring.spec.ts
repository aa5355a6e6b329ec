import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, register, signUpAdmin, unique } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

/**
 * The authoring journey as a new admin meets it: an account on BOOTSTRAP_SUPER_ADMINS
 * ('@admin.e2e.test' in playwright.config) becomes super_admin once verified; it writes a quest
 * with a cover and the three step kinds (after a refused save), previews it, publishes it; then a
 * learner finds it in the catalog and plays it to the end.
 */

const COVER = path.join(__dirname, 'fixtures', 'cover.png');

/** The editor's header: title, status badge, learner count. */
const editorHeader = (page: Page) => page.locator('header', { has: page.getByRole('heading', { level: 1 }) });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

const READING = [
  'Tables are joined on a **key**: a column whose values appear in both tables.',
  '',
  '## Keys',
  '',
  '```sql',
  'select * from orders join customers on customers.id = orders.customer_id;',
  '```',
].join('\n');

async function writeQuest(page: Page, title: string) {
  await field(page, 'Title').fill(title);
  await field(page, 'Description').fill('Combine rows from two tables without losing the ones you meant to keep.');
  await field(page, 'Category').fill('E2E Authoring');
  await field(page, 'Difficulty').selectOption('beginner');
  await field(page, 'Duration (minutes)').fill('10');
  await field(page, 'XP reward').fill('40');
  await field(page, 'Cover image').setInputFiles(COVER);
  await expect(page.getByText('Image uploaded.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Current cover image' })).toHaveAttribute('src', /\S/);
  await field(page, 'Objective 1').fill('Join two tables on a key');

  // A reading, with the live Markdown preview next to it.
  await page.getByRole('button', { name: 'Add reading' }).click();
  await expect(field(page, 'Step title')).toBeFocused();
  await field(page, 'Step title').fill('Keys join tables');
  await field(page, 'Content').fill(READING);
  const preview = page.getByRole('region', { name: 'Preview: Content' });
  await expect(preview.getByRole('heading', { name: 'Keys' })).toBeVisible();
  await expect(preview.locator('pre')).toContainText('customers.id = orders.customer_id');

  // A quiz with its answer key and explanation.
  await page.getByRole('button', { name: 'Add quiz' }).click();
  await page.getByLabel('Step title', { exact: true }).nth(1).fill('Pick the join');
  await field(page, 'Question').fill('Which join keeps every row of the left table?');
  await field(page, 'Choice A').fill('INNER JOIN');
  await field(page, 'Choice B').fill('LEFT JOIN');
  await page.getByRole('radio', { name: 'Choice B is right' }).check();
  await field(page, 'Explanation').fill('A left join keeps every left row, with nulls where nothing matches.');

  // A hands-on task with a checklist.
  await page.getByRole('button', { name: 'Add task' }).click();
  await page.getByLabel('Step title', { exact: true }).nth(2).fill('Join your own tables');
  await field(page, 'Instructions').fill('Write a query that lists every customer with the number of orders they placed.');
  await field(page, 'Checklist item 1').fill('The query runs');
  await page.getByRole('button', { name: 'Add item' }).click();
  await field(page, 'Checklist item 2').fill('Customers without orders are listed');
}

async function dismissToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: /^Dismiss/ }).all()) await button.click().catch(() => undefined);
}

/** Walks the three steps the way the learner's player (and the preview) asks for them. */
async function playThrough(page: Page) {
  await expect(page.getByRole('heading', { level: 2, name: /Keys join tables/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keys', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: /Pick the join/ })).toBeFocused();
  await page.getByRole('radio', { name: 'LEFT JOIN' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct!')).toBeVisible();
  await expect(page.getByText('A left join keeps every left row, with nulls where nothing matches.')).toBeVisible();
  await dismissToasts(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: /Join your own tables/ })).toBeFocused();
  const done = page.getByRole('button', { name: 'Mark task complete' });
  await expect(done).toBeDisabled();
  for (const item of await page.getByRole('checkbox').all()) await item.check();
  await done.click();
  await expect(page.getByText('Task complete', { exact: true })).toBeVisible();
  await dismissToasts(page);
  await page.getByRole('button', { name: 'Finish quest' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Quest complete!' })).toBeFocused();
}

test.describe('quest authoring', () => {
  test('an admin writes, previews and publishes a quest; a learner finds and plays it', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'desktop', 'The whole journey runs on desktop; phones get the lighter check below.');
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const stamp = unique();
    const title = `Joins without surprises ${stamp}`;
    // The editor renders on the server first: its markup must match the browser's (no hydration errors).
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /hydrat|error #4(18|19|23|25)\b/i.test(message.text())) pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await signUpAdmin(page);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Quests' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'New quest' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New quest' })).toBeVisible();

    // A refused save first: messages next to the fields, a summary, focus on the first one.
    await field(page, 'Title').fill('ab');
    await page.getByRole('button', { name: 'Create draft' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please fix the problems listed below before saving.' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Title: Use at least 3 characters' })).toBeVisible();
    await expect(field(page, 'Title')).toBeFocused();
    await expect(field(page, 'Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/admin\/quests\/new$/);

    await writeQuest(page, title);
    await expect(field(page, 'Slug')).toHaveValue(`joins-without-surprises-${stamp}`);
    await expect(summary).toBeHidden();
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(/\/admin\/quests\/[0-9a-f-]{36}\?created=1$/);
    const editorUrl = page.url().replace(/\?.*$/, '');
    await expect(page.getByText('Draft created.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(editorHeader(page).getByText('Draft', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /Step 3/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Preview: the learner's overview and player, walked without recording anything.
    await page.getByRole('link', { name: 'Preview' }).click();
    await expect(page.getByText('Preview — draft, learners can’t see this yet.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Join two tables on a key')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start quest' }).click();
    await playThrough(page);
    await expectNoAxeViolations(page);

    // Publish.
    await page.getByRole('link', { name: 'Back to the editor' }).first().click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published: learners can now find this quest.')).toBeVisible();
    await expect(editorHeader(page).getByText('Published', { exact: true })).toBeVisible();
    await page.goto(`/admin/quests?q=${stamp}`);
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('Published');
    expect(pageErrors).toEqual([]);

    // A learner, in a separate browser context, finds and plays it.
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, reducedMotion: 'reduce' });
    const learner = await context.newPage();
    await register(learner, `learner-${stamp}@example.test`, 'Playwright Learner');
    await learner.goto(`/quests?q=${encodeURIComponent(stamp)}`);
    const card = learner.getByRole('article').filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card.locator('img')).toHaveAttribute('src', /\S/);
    await card.getByRole('link', { name: title }).click();
    await learner.getByRole('button', { name: 'Start quest' }).click();
    await expect(learner).toHaveURL(/\/play$/);
    await playThrough(learner);
    const xp = learner.locator('dl').locator('div', { has: learner.getByText('XP earned', { exact: true }) }).locator('dd');
    await expect(xp).toHaveText('+40 XP');

    // The completion shows in analytics: the quest's row in the completion table, then its funnel.
    await page.goto('/admin/analytics');
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    const completionRow = page.getByRole('row', { name: new RegExp(title) });
    await expect(completionRow).toContainText(/100\s*%/);
    await completionRow.getByRole('link', { name: title }).click();
    await expect(page.getByText(new RegExp(`${title}: 1 started, 1 completed`))).toBeVisible();
    await expectNoAxeViolations(page);

    // Learners get the same 404 as any missing page.
    const adminPage = await learner.goto('/admin/quests');
    expect(adminPage?.status()).toBe(404);

    // With a learner's progress in it, the quest cannot be deleted: the dialog offers to archive it.
    await page.goto(editorUrl);
    await expect(editorHeader(page)).toContainText('Learners:1');
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this quest?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Delete quest' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Learners have progress in this quest — archive it instead');
    await dialog.getByRole('button', { name: 'Archive instead' }).click();
    await expect(dialog).toBeHidden();
    await expect(editorHeader(page).getByText('Archived', { exact: true })).toBeVisible();
    await learner.goto(`/quests?q=${encodeURIComponent(stamp)}`);
    await expect(learner.getByRole('article').filter({ hasText: title })).toHaveCount(0);
    await context.close();
  });

  test('on a phone: list, editor and validation fit the screen and pass axe', async ({ page }, info) => {
    test.skip(info.project.name !== 'mobile', 'Desktop runs the whole journey above.');
    test.setTimeout(120_000);
    await signUpAdmin(page);
    await page.goto('/admin/quests');
    await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'New quest' }).click();
    await field(page, 'Title').fill('ab');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(field(page, 'Title')).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Please fix the problems' })).toBeVisible();

    // Markdown: Write / Preview toggles instead of side by side.
    await page.getByRole('button', { name: 'Add reading' }).click();
    await field(page, 'Content').fill('## Hello\n\nA reading step written on a phone, long enough to count as content.');
    await expect(page.getByRole('region', { name: 'Preview: Content' })).toBeHidden();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Preview: Content' }).getByRole('heading', { name: 'Hello' })).toBeVisible();
    await expect(field(page, 'Content')).toBeHidden();
    await page.getByRole('button', { name: 'Write', exact: true }).click();
    await expect(field(page, 'Content')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // A seeded quest's editor (cards instead of the table) and its preview.
    await page.goto('/admin/quests?q=html-semantic-structure');
    await page.getByRole('link', { name: /^Semantic HTML/ }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Preview' }).click();
    await expect(page.getByText('Preview — this quest is published and learners can see it.')).toBeVisible();
    await page.getByRole('button', { name: 'Start quest' }).click();
    await expect(page.getByText('Step 1 of 6', { exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('a learner cannot open the admin quest pages', async ({ page }, info) => {
    await register(page, `learner-${info.project.name}-${unique()}@example.test`, 'Curious Learner');
    for (const url of ['/admin', '/admin/quests', '/admin/quests/new']) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
    }
  });
});
