import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatMrz } from '../../electron/core/mrz';
import { IDLE_LOCK_SETTING } from '../../electron/core/auth';
import { addUser, firstSignIn, PASSWORD, seriousViolations } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * The idle lock, for real: the workstation's idle-lock setting is 6 seconds (stored in the data folder as
 * an administrator would store it), and nobody touches the keyboard. The screen locks by itself, hides
 * every trace of the traveller, and the password brings the person back to the screen they were on.
 */
const IDLE_SECONDS = 6;
const lines = formatMrz(
  { documentCode: 'P', issuingState: 'THA', nationality: 'THA', surname: 'KAEWMANEE', givenNames: 'PRANEE', documentNumber: 'PK7654321', birthDate: '1990-07-14', expiryDate: '2031-05-01', sex: 'F' },
  'TD3',
);

describe('idle lock', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;

  /** Waits, hands off the keyboard, for the lock screen; returns how long it took. */
  const idleUntilLocked = async () => {
    const t0 = Date.now();
    await page.getByTestId('lock-screen').waitFor({ timeout: 30_000 });
    return (Date.now() - t0) / 1000;
  };
  const unlock = async () => {
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.locator('input[type="password"]').press('Enter');
    await page.getByTestId('who').waitFor();
  };

  beforeAll(async () => {
    ws = await startWorkstation({ settings: { [IDLE_LOCK_SETTING]: String(IDLE_SECONDS / 60) } });
    await addUser(ws, 'somchai', 'officer', 'Somchai P.');
    await addUser(ws, 'malee', 'supervisor', 'Malee S.');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(ws.harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('uses the idle time configured for this workstation', () => {
    expect(ws.harness.services.auth.policy.idleLockMinutes).toBe(IDLE_SECONDS / 60);
  });

  it('locks an idle officer screen by itself and hides the traveller', async () => {
    await firstSignIn(page, 'somchai');
    await page.getByTestId('waiting').waitFor();
    await ws.harness.services.simulator!.emitZone(lines);
    await page.locator('[data-field="documentNumber"]', { hasText: 'PK7654321' }).waitFor();
    const waited = await idleUntilLocked();
    expect(waited).toBeGreaterThanOrEqual(IDLE_SECONDS - 2); // not locked by anything else
    // Nothing of the traveller in the page, and nothing left in the core to bring back.
    const html = await page.content();
    for (const trace of ['KAEWMANEE', 'PRANEE', 'PK7654321']) expect(html).not.toContain(trace);
    expect(await page.getByTestId('traveller').count()).toBe(0);
    expect(ws.harness.services.counter.current()).toBeNull();
    const refused = await page.evaluate(() => window.checkpoint!.invoke('traveller.current', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(ws.harness.services.log.recentAudit(10).some((a) => a.action === 'auth.idleLock' && a.actor === 'somchai')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'idle-lock-officer-en');
  });

  it('unlocks with the password back to the officer screen, without the traveller', async () => {
    await page.locator('input[type="password"]').fill('not the password');
    await page.locator('input[type="password"]').press('Enter');
    await page.getByTestId('error').waitFor();
    await unlock();
    await page.getByTestId('waiting').waitFor();
    expect(await page.getByText('KAEWMANEE').count()).toBe(0);
    // The same read again is a fresh read: the officer scans again and decides.
    await ws.harness.services.simulator!.emitZone(lines);
    await page.locator('[data-field="documentNumber"]', { hasText: 'PK7654321' }).waitFor();
    await page.keyboard.press('F2');
    await page.getByTestId('recorded').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login').waitFor();
  });

  it('locks an idle supervisor on a record and returns to the same section after unlocking', async () => {
    await firstSignIn(page, 'malee');
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-submit').click();
    await page.getByTestId('open-record').first().click();
    await page.getByTestId('record-detail').waitFor();
    expect(await page.getByTestId('record-detail').textContent()).toMatch(/KAEWMANEE/);
    await idleUntilLocked();
    expect(await page.content()).not.toContain('KAEWMANEE');
    await unlock();
    expect(await page.getByTestId('tab-search').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('search').waitFor();
    await screenshot(page, 'idle-lock-supervisor-unlocked-en');
  });
});
