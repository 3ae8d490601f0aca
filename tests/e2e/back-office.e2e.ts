import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TravellerRead } from '../../electron/contract';
import type { CallerContext } from '../../electron/core/app/dispatch';
import { formatMrz } from '../../electron/core/mrz';
import { addUser, firstSignIn, LOCALES, PASSWORD, seriousViolations, setLocale, TEMP_PASSWORD } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * The supervisor's shift: dashboard, search and detail with audit entries, CSV and PDF export, the
 * chain check; then the administrator adds an account. Inspections are recorded through the real
 * contract by an officer's session, as the counter screen would.
 */
describe('supervisor and administrator', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;
  const axeFindings: Record<string, string[]> = {};
  const axe = async (name: string) => {
    axeFindings[name] = await seriousViolations(page);
  };

  async function recordShift() {
    const caller: CallerContext = { sessionId: null };
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const r = await ws.harness.services.dispatch(channel, payload, caller);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    };
    await call('auth.login', { username: 'somchai', password: TEMP_PASSWORD });
    await call('auth.changePassword', { currentPassword: TEMP_PASSWORD, newPassword: PASSWORD });
    const travellers: Array<[string, string, string, 'admit' | 'refer' | 'refuse', string, string]> = [
      ['SRISUK', 'SOMSAK', 'AA1234567', 'admit', '', ''],
      ['NGUYEN', 'THI LAN', 'C1234567', 'refer', 'document_doubt', 'Laminate lifted at the photo.'],
      ['SANTOSO', 'BUDI', 'B1234567', 'refuse', 'no_visa', 'No visa for a work stay.'],
      ['TANAKA', 'YUKI', 'TR0987654', 'admit', '', ''],
    ];
    for (const [surname, givenNames, documentNumber, decision, reason, notes] of travellers) {
      const lines = formatMrz({ documentCode: 'P', issuingState: 'THA', nationality: 'THA', surname, givenNames, documentNumber, birthDate: '1984-02-29', expiryDate: '2031-01-01', sex: 'F' }, 'TD3');
      const read = await call<TravellerRead>('traveller.manualEntry', { text: lines.join('\n') });
      await call('inspection.decide', { readId: read.readId, decision, reason, notes });
    }
  }

  beforeAll(async () => {
    ws = await startWorkstation();
    await addUser(ws, 'somchai', 'officer', 'Somchai P.');
    await addUser(ws, 'malee', 'supervisor', 'Malee S.');
    await addUser(ws, 'admin', 'admin', 'Site Admin', null);
    await recordShift();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(ws.harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('shows the shift dashboard with throughput, decisions and per officer', async () => {
    await firstSignIn(page, 'malee');
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.locator('[data-tile="total"]').textContent(), { timeout: 15_000 }).toBe('4');
    expect(await page.locator('[data-tile="refer"]').textContent()).toBe('1');
    expect(await page.locator('[data-tile="refuse"]').textContent()).toBe('1');
    expect(await page.getByTestId('per-officer').textContent()).toMatch(/somchai/);
    expect(await page.getByTestId('waiting').count()).toBe(0);
    await axe('supervisor-dashboard');
    await screenshot(page, 'supervisor-dashboard-en');
  });

  it('finds an inspection and shows its detail with audit entries', async () => {
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-text').fill('santoso');
    await page.getByTestId('search-text').press('Enter');
    const results = page.getByTestId('results');
    await results.waitFor();
    expect(await results.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('open-record').click();
    const detail = page.getByTestId('record-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toMatch(/No valid visa/);
    expect(await detail.textContent()).toMatch(/No visa for a work stay/);
    expect(await page.getByTestId('audit').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('audit').textContent()).toMatch(/inspection\.record/);
    await axe('supervisor-search-detail');
    await screenshot(page, 'supervisor-search-detail-en');
  });

  it('shows a correction in the detail: who, when, what changed, and the original marked corrected', async () => {
    const day = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const original = [...ws.harness.services.log.iterateShift(day)].find((r) => r.document.fields?.surname === 'SANTOSO')!;
    const correction = ws.harness.services.log.correctInspection(original.id, {
      actor: 'malee',
      correctionReason: 'Visa found in the second passport; refer instead.',
      decision: 'refer',
      reason: 'document_doubt',
      notes: 'Second passport holds the visa; sent to secondary.',
    });
    await page.getByTestId('search-submit').click();
    await page.getByTestId('results').waitFor();
    // The search lists the current version; its detail goes back to the original.
    await page.getByTestId('open-record').first().click();
    const history = page.getByTestId('corrections');
    await history.waitFor();
    const versions = history.getByTestId('version');
    expect(await versions.count()).toBe(2);
    const first = versions.nth(0);
    const second = versions.nth(1);
    expect(await first.getAttribute('data-record-id')).toBe(original.id);
    expect(await first.textContent()).toMatch(/Original record #\d+.*by somchai.*Refuse.*Corrected/);
    expect(await second.getAttribute('data-record-id')).toBe(correction.id);
    expect(await second.textContent()).toMatch(/Correction #\d+.*by malee.*Refer.*Current version/);
    expect(await second.textContent()).toMatch(/Why: Visa found in the second passport/);
    const decisionRow = second.locator('[data-field-change="decision"]');
    expect(await decisionRow.locator('td').allTextContents()).toEqual(['Refuse', 'Refer']);
    expect(await second.locator('[data-field-change="notes"] td').allTextContents()).toEqual(['No visa for a work stay.', 'Second passport holds the visa; sent to secondary.']);
    expect(await page.getByTestId('audit').textContent()).toMatch(/inspection\.correct/);
    await axe('supervisor-correction-detail');
    await screenshot(page, 'supervisor-correction-detail-en');

    // The original opened from the history: marked corrected, with the same history.
    await first.getByTestId('open-version').click();
    await page.getByTestId('corrected-mark').waitFor();
    expect(await page.getByTestId('record-detail').textContent()).toMatch(/No visa for a work stay/);
    expect(await page.getByTestId('corrections').getByTestId('version').count()).toBe(2);
    expect(await page.getByTestId('corrections').getByTestId('version').nth(0).textContent()).toMatch(/shown above/);
    await screenshot(page, 'supervisor-corrected-original-en');
  });

  it('exports the shift as CSV and PDF and verifies the chain', async () => {
    await page.getByTestId('tab-export').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split(/\r?\n/).filter(Boolean).length).toBe(5); // header + 4 inspections
    expect(csvText).toMatch(/SANTOSO/);
    await expect.poll(() => page.getByTestId('export-done').textContent(), { timeout: 15_000 }).toMatch(/4 records/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('verify-run').click();
    await expect.poll(() => page.getByTestId('verify-result').textContent(), { timeout: 15_000 }).toMatch(/Log intact/);
    await axe('supervisor-export');
    await screenshot(page, 'supervisor-export-en');
  });

  it('shows the supervisor screens in the four languages', async () => {
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await page.getByTestId('tab-dashboard').click();
      await page.locator('[data-tile="total"]').waitFor();
      await screenshot(page, `supervisor-dashboard-${locale}`);
      await page.getByTestId('tab-search').click();
      await page.getByTestId('search-submit').click();
      await page.getByTestId('open-record').first().click();
      await page.getByTestId('record-detail').waitFor();
      await screenshot(page, `supervisor-search-detail-${locale}`);
      await page.getByTestId('tab-export').click();
      await page.getByTestId('verify-run').click();
      await page.getByTestId('verify-result').waitFor();
      await screenshot(page, `supervisor-export-${locale}`);
    }
    await setLocale(page, 'en');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login').waitFor();
  });

  it('lets the administrator add an account, which must change its password at first sign-in', async () => {
    await firstSignIn(page, 'admin');
    await page.getByTestId('user-list').waitFor();
    expect(await page.getByTestId('tab-dashboard').count()).toBe(0);
    await page.getByTestId('new-username').fill('dao');
    await page.getByTestId('new-role').selectOption('officer');
    await page.getByTestId('new-password').fill('short');
    await page.getByTestId('add-user-submit').click();
    await expect.poll(() => page.getByTestId('add-user').getByTestId('error').textContent(), { timeout: 15_000 }).toMatch(/at least 10 characters/);
    await page.getByTestId('new-password').fill(TEMP_PASSWORD);
    await page.getByTestId('add-user-submit').click();
    await page.getByTestId('user-list').getByText('dao', { exact: true }).first().waitFor();
    expect(await page.getByTestId('user-list').textContent()).toMatch(/Must change password/);
    await axe('admin-users');
    await screenshot(page, 'admin-users-en');
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await page.getByTestId('tab-users').click();
      await page.getByTestId('user-list').waitFor();
      await screenshot(page, `admin-users-${locale}`);
    }
    await setLocale(page, 'en');
    await page.getByTestId('tab-verify').click();
    await page.getByTestId('verify-run').click();
    await expect.poll(() => page.getByTestId('verify-result').textContent(), { timeout: 15_000 }).toMatch(/Log intact/);
    await axe('admin-verify');
    await screenshot(page, 'admin-verify-en');
    // Workstation policy: the idle lock and the retention period, stored and audited.
    await page.getByTestId('tab-policy').click();
    await expect.poll(() => page.getByTestId('policy-idle').inputValue(), { timeout: 15_000 }).toBe('5');
    expect(await page.getByTestId('policy-retention').inputValue()).toBe('90');
    await page.getByTestId('policy-idle').fill('10');
    await page.getByTestId('policy-retention').fill('120');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy').getByRole('status').waitFor();
    const { auth, log } = ws.harness.services;
    expect(auth.policy.idleLockMinutes).toBe(10);
    expect(log.retentionDays()).toBe(120);
    const changes = log.recentAudit(10).filter((a) => a.action === 'config.change' && a.actor === 'admin').map((a) => [a.details.key, a.details.to]);
    expect(changes).toEqual(expect.arrayContaining([['auth.idleLockMinutes', '10'], ['retentionDays', '120']]));
    await axe('admin-policy');
    await screenshot(page, 'admin-policy-en');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login').waitFor();
    // Change-password screen for the new account, in every language.
    await page.locator('input[name="username"]').fill('dao');
    await page.locator('input[name="password"]').fill(TEMP_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('change-password').waitFor();
    await page.locator('input[name="new"]').fill('short');
    await axe('change-password');
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await screenshot(page, `change-password-${locale}`);
    }
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
  });
});
