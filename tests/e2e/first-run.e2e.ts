import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, seriousViolations, signIn } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * First run: a workstation whose data folder has no account at all. The screen must not dead-end at a
 * sign-in nobody can pass: it creates the first administrator, signs them in, and never offers itself again.
 */
describe('first run on an empty data folder', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ws = await startWorkstation();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('shows the set-up screen instead of a sign-in nobody can pass', async () => {
    expect(ws.harness.services.auth.listUsers()).toEqual([]);
    await page.goto(ws.harness.url);
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByTestId('login').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('explains the password rules and a mismatch before anything is sent', async () => {
    await page.locator('input[name="username"]').fill('chief');
    await page.locator('input[name="password"]').fill('short');
    await expect.poll(() => page.getByTestId('setup-problem').textContent()).toMatch(/at least 10/);
    await page.locator('input[name="password"]').fill('chief-of-the-post');
    await expect.poll(() => page.getByTestId('setup-problem').textContent()).toMatch(/must not contain the username/);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="repeat"]').fill(PASSWORD + 'x');
    await expect.poll(() => page.getByTestId('setup-problem').textContent()).toMatch(/not the same/);
    expect(await page.getByTestId('setup-submit').isDisabled()).toBe(true);
    await screenshot(page, 'first-run-en');
    expect(ws.harness.services.auth.listUsers()).toEqual([]);
  });

  it('creates the administrator and lands signed in on the accounts screen', async () => {
    await page.locator('input[name="displayName"]').fill('Chief of Post');
    await page.locator('input[name="repeat"]').fill(PASSWORD);
    await page.locator('input[name="repeat"]').press('Enter');
    await page.getByTestId('who').waitFor();
    expect(await page.getByTestId('who').textContent()).toMatch(/Chief of Post/);
    expect(await page.getByTestId('change-password').count()).toBe(0);
    await screenshot(page, 'first-run-done-en');
    expect(ws.harness.services.auth.listUsers()).toMatchObject([{ username: 'chief', role: 'admin', mustChangePassword: false }]);
    const audit = ws.harness.services.log.recentAudit(20).map((a) => `${a.action}:${a.actor}`);
    expect(audit).toContain('users.add:chief');
  });

  it('offers the sign-in, never the set-up, once an account exists', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    await page.reload();
    await page.getByTestId('login').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    await signIn(page, 'chief');
    expect(await page.getByTestId('who').textContent()).toMatch(/Chief of Post/);
  });
});
