import { expect, test, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { PASSWORD, expectNoHorizontalScroll, register, signIn, signUpAdmin, unique } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

/**
 * The rest of the admin area as an admin meets it: users (search, detail, role, suspension and
 * reinstatement), the audit log, achievements (live qualifying count, backfill), analytics, an
 * admin narrowed to one permission, and every page on a 360 px phone. Each test makes its own
 * accounts, so they run in any order.
 */

/** A seeded free quest (supabase/seed/quests/web-development.ts): 2 readings, 3 quizzes, a task; 100 XP. */
const SEEDED_QUEST = { slug: 'html-semantic-structure', title: 'Semantic HTML: Structure Pages That Mean Something' };

interface Learner {
  page: Page;
  email: string;
  name: string;
  close: () => Promise<void>;
}

/** A learner registered (and so signed in) in a browser context of their own. */
async function newLearner(browser: Browser, info: TestInfo, stamp: string): Promise<Learner> {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const email = `learner-${stamp}@example.test`;
  const name = `Ada Learner ${stamp}`;
  await register(page, email, name);
  return { page, email, name, close: () => context.close() };
}

/**
 * Plays a quest to the end through the learner's API, from the learner's own page (cookies,
 * same origin): start, answer every quiz and task (a first choice is an answer, right or not),
 * then move past the last step. Progress, XP and a completion for the admin pages to show.
 */
async function completeQuest(learner: Page, slug: string) {
  await learner.evaluate(async (questSlug) => {
    const call = async (path: string, method: string, body?: unknown) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await response.json();
      if (!data.success) throw new Error(`${method} ${path}: ${JSON.stringify(data.error)}`);
      return data;
    };
    const { progress } = await call(`/api/quests/${questSlug}/start`, 'POST');
    const { steps } = await call(`/api/progress/${progress.id}`, 'GET');
    for (const step of steps as { position: number; kind: string; choices: { id: string }[] | null }[]) {
      if (step.kind === 'reading') continue;
      // A step is answered once reached; the server lets the learner past answered steps only.
      await call(`/api/progress/${progress.id}`, 'PUT', { currentStep: step.position, progressPercentage: 0, timeSpent: 0 });
      const answer = step.kind === 'task' ? step.choices!.map((c) => c.id) : [step.choices![0]!.id];
      await call(`/api/progress/${progress.id}/steps/${step.position}`, 'POST', { answer });
    }
    const done = await call(`/api/progress/${progress.id}`, 'PUT', { currentStep: steps.length, progressPercentage: 100, timeSpent: 60 });
    if (done.progress.status !== 'completed') throw new Error('the quest did not complete');
  }, slug);
}

/**
 * Server-rendered controls do nothing useful until React hydrates them (a choice made earlier is
 * reset, a click is lost): wait for React's props on the element before using it.
 */
async function hydrated(control: Locator): Promise<Locator> {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps')))).toBe(true);
  return control;
}

/** The learner's role, from the user page's role form. */
async function changeRole(page: Page, label: string) {
  await (await hydrated(page.getByRole('combobox', { name: 'Role' }))).selectOption({ label });
  await page.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText(`Role changed to ${label.toLowerCase()}.`)).toBeVisible();
}

/** Suspends the account on the open user page, through the confirmation dialog. */
async function suspend(page: Page, email: string, reason: string) {
  await (await hydrated(page.getByRole('button', { name: 'Suspend account…' }))).click();
  const dialog = page.getByRole('dialog', { name: `Suspend ${email}?` });
  await dialog.getByLabel('Reason (kept in the audit log)').fill(reason);
  await dialog.getByRole('button', { name: 'Suspend account', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Account suspended. Their sessions have ended.')).toBeVisible();
}

const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Admin' });

/** The admin finds an account on /admin/users by part of its email and opens its page. */
async function openUser(page: Page, email: string, name: string) {
  await page.goto('/admin/users');
  await page.getByLabel('Email or name').fill(email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\?.*q=/);
  await expect(page.getByText('1 user match these filters')).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return page.url().split('?')[0]!.split('/').pop()!;
}

/** The user page's header: name, email and the role, plan and status badges. */
const userHeader = (page: Page) => page.locator('header', { has: page.getByRole('heading', { level: 1 }) });

test.describe('admin: users and the audit log', () => {
  test('an admin changes a learner’s role, suspends (sessions end at once) and reinstates them; the audit log shows each change', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'desktop', 'The whole journey runs on desktop; phones get the layout check below.');
    test.setTimeout(180_000);
    const stamp = unique();
    const reason = `Spamming the forum ${stamp}`;
    await signUpAdmin(page);
    const learner = await newLearner(browser, info, stamp);
    await completeQuest(learner.page, SEEDED_QUEST.slug);

    // Search, then the learner's page: profile, progress and XP ledger.
    await adminNav(page).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await page.getByLabel('Email or name').fill(stamp);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByText('1 user match these filters')).toBeVisible();
    const listRow = page.getByRole('row', { name: new RegExp(learner.name) });
    await expect(listRow).toContainText(learner.email);
    await expect(listRow).toContainText('Learner');
    await expect(listRow).toContainText('Active');
    await expectNoAxeViolations(page);
    await listRow.getByRole('link', { name: learner.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible();
    const userId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 2, name: 'Learning' })).toBeVisible();
    const progressTable = page.getByRole('table', { name: 'Progress per quest' });
    await expect(progressTable.getByRole('row', { name: new RegExp(SEEDED_QUEST.title) })).toContainText('Completed');
    const ledger = page.getByRole('table', { name: 'XP ledger' });
    await expect(ledger.getByRole('row').filter({ hasText: 'Quest completed' })).toContainText('+100');
    await expect(page.getByText('No admin has changed this account yet.')).toBeVisible();
    await expectNoAxeViolations(page);

    // Role: learner → premium learner.
    await changeRole(page, 'Premium learner');
    await expect(userHeader(page).getByText('Premium learner')).toBeVisible();

    // Suspend, with a reason, through the confirmation dialog.
    await (await hydrated(page.getByRole('button', { name: 'Suspend account…' }))).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${learner.email}?` });
    await expect(dialog.getByLabel('Reason (kept in the audit log)')).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByLabel('Reason (kept in the audit log)').fill(reason);
    await dialog.getByRole('button', { name: 'Suspend account', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Account suspended. Their sessions have ended.')).toBeVisible();
    await expect(userHeader(page).getByText('Suspended')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Reason: ${reason}` })).toBeVisible();

    // The learner's session ended at once: their next request is refused. Signing in names the suspension.
    // (Their next page load should land on /login: see the known failure below.)
    expect((await learner.page.request.get('/api/auth/me')).status()).toBe(401);
    await learner.page.context().clearCookies();
    await signIn(learner.page, learner.email);
    await expect(learner.page.getByRole('alert').filter({ hasText: 'This account is suspended' })).toBeVisible();
    await expect(learner.page).toHaveURL(/\/login/);

    // Reinstate; the learner signs in again.
    await page.getByRole('button', { name: 'Reinstate account' }).click();
    await expect(page.getByText('Account reinstated. They can sign in again.')).toBeVisible();
    await expect(userHeader(page).getByText('Active')).toBeVisible();
    await signIn(learner.page, learner.email, '/dashboard');
    await expect(learner.page).toHaveURL(/\/dashboard$/);
    await expect(learner.page.getByRole('heading', { level: 1, name: /Welcome back|Your dashboard/ })).toBeVisible();
    await learner.close();

    // The account's history, then the audit log filtered to it: three entries, before → after.
    await page.reload();
    const history = page.getByRole('region', { name: 'Account history' });
    await expect(history.getByRole('table', { name: 'Audit entries, newest first' }).locator(':scope > tbody > tr')).toHaveCount(3);
    await history.getByRole('link', { name: 'Open in the audit log' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit\\?.*targetId=${userId}`));
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const entries = page.getByRole('table', { name: 'Audit entries, newest first' }).locator(':scope > tbody > tr');
    await expect(entries).toHaveCount(3);
    const entry = (action: string) => entries.filter({ has: page.locator('code', { hasText: new RegExp(`^${action.replace('.', '\\.')}$`) }) });

    const roleChange = entry('user.role_change');
    await expect(roleChange).toContainText('Changed role');
    await expect(roleChange.getByRole('link', { name: learner.email })).toBeVisible();
    await roleChange.getByText('1 change: role').click();
    const roleDiff = roleChange.getByRole('table', { name: 'Changed fields, before and after' });
    await expect(roleDiff.getByRole('row', { name: /^role/ })).toContainText(/user\s*premium/);

    const suspension = entry('user.suspend');
    await expect(suspension).toContainText('Suspended account');
    await suspension.getByText('2 changes').click();
    const suspendDiff = suspension.getByRole('table', { name: 'Changed fields, before and after' });
    await expect(suspendDiff.getByRole('row', { name: /^suspendedReason/ }).locator('del')).toHaveText('—');
    await expect(suspendDiff.getByRole('row', { name: /^suspendedReason/ }).locator('ins')).toHaveText(reason);
    await expect(suspendDiff.getByRole('row', { name: /^suspendedAt/ }).locator('ins')).toHaveText(/^\d{4}-\d\d-\d\dT/);

    const reinstatement = entry('user.reinstate');
    await expect(reinstatement).toContainText('Reinstated account');
    await reinstatement.getByText('2 changes').click();
    const reinstateDiff = reinstatement.getByRole('table', { name: 'Changed fields, before and after' });
    await expect(reinstateDiff.getByRole('row', { name: /^suspendedReason/ }).locator('del')).toHaveText(reason);
    await expect(reinstateDiff.getByRole('row', { name: /^suspendedReason/ }).locator('ins')).toHaveText('—');
    await expectNoAxeViolations(page);

    // The same entries under the action filter, from the whole log.
    await page.goto('/admin/audit');
    await page.getByLabel('Action').selectOption('user.suspend');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=user\.suspend/);
    await expect(page.getByRole('table', { name: 'Audit entries, newest first' }).getByRole('row', { name: new RegExp(learner.email) })).toHaveCount(1);
  });

  test('a suspended learner’s next page load lands on the sign-in page', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'desktop', 'A desktop journey.');
    // Their access cookie is still well signed; the page guard finds no session and sends them to
    // /login, where the proxy checks the session for real and clears the cookies (no loop).
    test.setTimeout(90_000);
    const stamp = unique();
    await signUpAdmin(page);
    const learner = await newLearner(browser, info, stamp);
    await openUser(page, learner.email, learner.name);
    await suspend(page, learner.email, `Loop check ${stamp}`);
    await learner.page.goto('/dashboard', { timeout: 15_000 });
    await expect(learner.page).toHaveURL(/\/login\?next=%2Fdashboard/, { timeout: 5_000 });
    await expect(learner.page.getByRole('heading', { level: 1, name: /sign in/i })).toBeVisible();
    // And signing in says why.
    await learner.page.getByLabel('Email').fill(learner.email);
    await learner.page.getByLabel('Password').fill(PASSWORD);
    await learner.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(learner.page.getByText(/suspended/i)).toBeVisible();
    await learner.close();
  });

  test('a super admin narrows a promoted admin to analytics: that admin sees only Analytics and gets 404 elsewhere', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'desktop', 'A desktop journey.');
    test.setTimeout(120_000);
    const stamp = unique();
    await signUpAdmin(page);
    const learner = await newLearner(browser, info, stamp);
    const userId = await openUser(page, learner.email, learner.name);

    // Only a super admin grants admin; the permissions form appears for an admin.
    await expect(page.getByRole('heading', { name: 'Admin permissions' })).toHaveCount(0);
    await changeRole(page, 'Admin');
    const permissions = page.getByRole('region', { name: 'Admin permissions' });
    await expect(permissions).toBeVisible();
    await expect(permissions.getByRole('radio', { name: /^Every admin permission/ })).toBeChecked();
    await expect(permissions.getByRole('checkbox', { name: /^create:quests/ })).toBeDisabled();
    await permissions.getByRole('radio', { name: 'Only the permissions ticked below' }).check();
    for (const permission of ['create:quests', 'update:quests', 'delete:quests', 'manage:users']) {
      await permissions.getByRole('checkbox', { name: new RegExp(`^${permission}`) }).uncheck();
    }
    await expect(permissions.getByRole('checkbox', { name: /^view:analytics/ })).toBeChecked();
    await expectNoAxeViolations(page);
    await permissions.getByRole('button', { name: 'Save permissions' }).click();
    await expect(permissions.getByText('Permissions saved.')).toBeVisible();

    // The new admin signs in again (the proxy's first gate reads the role from a fresh token).
    await learner.page.context().clearCookies();
    await signIn(learner.page, learner.email, '/admin');
    await expect(learner.page).toHaveURL(/\/admin$/);
    const nav = adminNav(learner.page);
    await expect(nav.getByRole('link')).toHaveText(['Overview', 'Analytics']);
    await expect(learner.page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Analytics']);
    for (const path of ['/admin/quests', '/admin/quests/new', '/admin/users', '/admin/achievements', '/admin/audit']) {
      const response = await learner.page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    const analytics = await learner.page.goto('/admin/analytics');
    expect(analytics?.status()).toBe(200);
    await expect(learner.page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    await learner.close();

    // Both changes are in the log.
    await page.goto(`/admin/audit?targetType=user&targetId=${userId}`);
    const entries = page.getByRole('table', { name: 'Audit entries, newest first' }).locator(':scope > tbody > tr');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('user.permissions_change');
    await expect(entries.nth(1)).toContainText('user.role_change');
  });
});

test.describe('admin: achievements', () => {
  test('an admin creates an achievement, watches the qualifying count follow the criterion, and backfills it once', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'desktop', 'The whole journey runs on desktop; phones get the layout check below.');
    test.setTimeout(120_000);
    const stamp = unique();
    const name = `Finisher ${stamp}`;
    await signUpAdmin(page);
    // Somebody has to qualify: a learner who completed one quest.
    const learner = await newLearner(browser, info, stamp);
    await completeQuest(learner.page, SEEDED_QUEST.slug);
    await learner.close();

    await adminNav(page).getByRole('link', { name: 'Achievements' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Achievements' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Achievements' }).getByRole('row', { name: /First Steps/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'New achievement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New achievement' })).toBeVisible();
    await (await hydrated(page.getByLabel('Name', { exact: true }))).fill(name);
    await expect(page.getByLabel('Slug', { exact: true })).toHaveValue(`finisher-${stamp}`);
    await page.getByLabel('Description', { exact: true }).fill('Finish a quest, any quest, and this is yours.');
    await page.getByLabel('XP reward', { exact: true }).fill('25');

    // The criterion: a type from the form, then its own input; the count follows every change.
    const preview = page.locator('[aria-live="polite"]').filter({ hasText: /qualif/ });
    const criterion = page.getByLabel('Criterion', { exact: true });
    await criterion.selectOption({ label: 'Learning streak' });
    await expect(page.getByLabel('Streak length in days')).toBeVisible();
    await criterion.selectOption({ label: 'Quests completed' });
    const count = page.getByLabel('Number of quests');
    await count.fill('10000');
    await expect(preview).toHaveAttribute('aria-busy', 'false');
    await expect(preview).toContainText('0 learners already qualify');
    await count.fill('');
    await expect(preview).toContainText('Fill in the criterion to see how many learners already qualify.');
    await count.fill('1');
    await expect(preview).toContainText(/[1-9][\d,]* learners? already qualif(y|ies)/);
    await expect(preview).toHaveAttribute('aria-busy', 'false');
    const qualifying = Number((await preview.textContent())!.match(/([\d,]+) learners? already qualif/)![1]!.replace(/,/g, ''));
    expect(qualifying).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Create achievement' }).click();
    await expect(page).toHaveURL(/\/admin\/achievements\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(/^Achievement created\./)).toBeVisible();
    await expect(page.getByText('Unlocked by 0 learners')).toBeVisible();
    const learners = (n: number) => `${n} learner${n === 1 ? '' : 's'}`;
    await expect(preview).toContainText(`${learners(qualifying)} already ${qualifying === 1 ? 'qualifies' : 'qualify'}`);
    await expectNoAxeViolations(page);

    // Backfill, behind its confirmation.
    await page.getByRole('button', { name: `Award to ${learners(qualifying)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Award “${name}”?` });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog).toContainText('with 25 XP each');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: `Award to ${learners(qualifying)}` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Awarded to ${learners(qualifying)}.`)).toBeVisible();
    await expect(page.getByText(`Unlocked by ${learners(qualifying)}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nobody to award' })).toBeDisabled();
    await expect(page.getByText('Everyone who qualifies holds it already.')).toBeVisible();

    // Again: nobody new (the button waits; the API answers the same).
    const again = await page.evaluate(async (id) => {
      const response = await fetch(`/api/admin/achievements/${id}/backfill`, { method: 'POST' });
      return response.json();
    }, page.url().split('?')[0]!.split('/').pop()!);
    expect(again).toMatchObject({ success: true, awarded: 0, alreadyHeld: qualifying });
    await page.reload();
    await expect(page.getByText(`Unlocked by ${learners(qualifying)}`)).toBeVisible();

    // The list finds it with its holders.
    await page.goto(`/admin/achievements?q=${stamp}`);
    await expect(page.getByRole('table', { name: 'Achievements' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('admin: analytics', () => {
  test('the dashboard shows its figures, changes range by URL, opens a data table and exports CSV', async ({ page }, info) => {
    test.skip(info.project.name !== 'desktop', 'Phones get the layout check below.');
    test.setTimeout(90_000);
    await signUpAdmin(page);
    await adminNav(page).getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

    const figures = page.getByRole('region', { name: 'Key figures' });
    for (const label of ['Average DAU', 'MAU', 'DAU / MAU', 'Sign-ups', 'Completion rate', 'Avg session', 'Free → paid', 'Churn', 'MRR now']) {
      await expect(figures.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'true');
    await expectNoAxeViolations(page);

    // A preset puts the range in the URL.
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await expect(page).toHaveURL(/\/admin\/analytics\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
    const url = new URL(page.url());
    const days = (Date.parse(url.searchParams.get('to')!) - Date.parse(url.searchParams.get('from')!)) / 86_400_000 + 1;
    expect(days).toBe(7);
    await expect(page.getByText(/\(UTC\), 7 days\./)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'true');

    // The chart's table fallback: a real table behind a disclosure. (This admin signed up today, so the range has activity.)
    const disclosure = page.getByText('Show data table').first();
    const details = page.locator('details', { has: disclosure });
    await expect(details.getByRole('table')).toBeHidden();
    await disclosure.click();
    const table = details.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader').first()).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page);

    // CSV: the link answers a CSV file for the same range.
    const csv = page.getByRole('link', { name: /^Download CSV/ }).first();
    const href = await csv.getAttribute('href');
    expect(href).toMatch(/^\/api\/admin\/analytics\/export\?/);
    expect(href).toContain(`from=${url.searchParams.get('from')}`);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await response.text()).split('\n')[0]).toMatch(/,/);
  });
});

test.describe('admin on a phone', () => {
  test('every admin page fits 360 px, passes axe, and the admin nav scrolls', async ({ page, browser }, info) => {
    test.skip(info.project.name !== 'mobile', 'Desktop runs the journeys above.');
    test.setTimeout(180_000);
    const stamp = unique();
    await signUpAdmin(page);
    const learner = await newLearner(browser, info, stamp);
    await completeQuest(learner.page, SEEDED_QUEST.slug);
    await learner.close();

    const check = async (heading: string | RegExp) => {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    };

    // The nav is one row that scrolls sideways on its own, not the page.
    await check('Admin');
    const nav = adminNav(page);
    expect(await nav.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    expect(await nav.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await check('Audit log');
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Audit log' })).toBeInViewport();

    await nav.getByRole('link', { name: 'Users' }).click();
    await check('Users');
    await expect(page.getByRole('list', { name: 'User list' })).toBeVisible();

    // A learner's page with progress and ledger tables (they scroll inside their cards), and the suspend dialog.
    const userId = await openUser(page, learner.email, learner.name);
    await check(learner.name);
    await (await hydrated(page.getByRole('button', { name: 'Suspend account…' }))).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${learner.email}?` });
    await expect(dialog.getByLabel('Reason (kept in the audit log)')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // The audit log's cards with a change.
    await changeRole(page, 'Premium learner');
    await page.goto(`/admin/audit?targetType=user&targetId=${userId}`);
    const card = page.getByRole('list', { name: 'Audit entries, newest first' }).getByRole('listitem').first();
    await card.getByText('1 change: role').click();
    await check('Audit log');

    await nav.getByRole('link', { name: 'Achievements' }).click();
    await check('Achievements');
    await page.getByRole('link', { name: 'New achievement' }).click();
    await check('New achievement');
    await page.goto('/admin/achievements?q=first-steps');
    await page.getByRole('link', { name: /First Steps/ }).first().click();
    await check('First Steps');

    await nav.getByRole('link', { name: 'Analytics' }).click();
    await check('Analytics');
    await page.getByText('Show data table').first().click();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});
