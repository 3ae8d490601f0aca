import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { formatMrz, type MrzFields } from '../../electron/core/mrz';
import { addUser, firstSignIn, LOCALES, PASSWORD, seriousViolations, setLocale, signIn, timingFigure, writeFigures } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * A whole officer shift in Chromium against the real core: first sign-in with the forced password
 * change, five travellers through the simulated serial reader (one a watchlist hit), one zone typed by
 * hand, a page photo, every decision by keyboard, the idle lock, sign-out. Also measures the reader's
 * last byte → verdict on screen, and cold start → usable.
 */

const future = '2031-05-01';
const td3 = (f: Partial<MrzFields>): string[] =>
  formatMrz({ documentCode: 'P', issuingState: 'THA', nationality: 'THA', surname: '', givenNames: '', documentNumber: '', birthDate: '', expiryDate: future, sex: 'M', ...f }, 'TD3');

const TRAVELLERS = {
  somsak: td3({ surname: 'SRISUK', givenNames: 'SOMSAK', documentNumber: 'AA1234567', birthDate: '1985-06-15' }),
  lan: td3({ issuingState: 'VNM', nationality: 'VNM', surname: 'NGUYEN', givenNames: 'THI LAN', documentNumber: 'C1234567', birthDate: '1992-11-02', sex: 'F', expiryDate: '2024-01-10' }),
  petrov: td3({ issuingState: 'RUS', nationality: 'RUS', surname: 'PETROV', givenNames: 'IVAN', documentNumber: '751234567', birthDate: '1970-03-05' }),
  budi: td3({ issuingState: 'IDN', nationality: 'IDN', surname: 'SANTOSO', givenNames: 'BUDI', documentNumber: 'B1234567', birthDate: '1979-01-20' }),
  putri: td3({ issuingState: 'IDN', nationality: 'IDN', surname: 'WIJAYA', givenNames: 'PUTRI', documentNumber: 'X7654321', birthDate: '2015-04-10', sex: 'F' }),
  anna: td3({ issuingState: 'D', nationality: 'D', surname: 'SCHMIDT', givenNames: 'ANNA', documentNumber: 'C01X00T47', birthDate: '1988-09-30', sex: 'F' }),
};

/** A one-entry list, applied as a signed-off snapshot would be. */
function importTinyWatchlist(ws: TestWorkstation): void {
  const path = join(ws.dataDir, 'tiny-list.jsonl');
  const header = { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: 7, baseVersion: null, publishedAt: new Date().toISOString(), entryCount: 1 };
  const entry = {
    kind: 'person',
    id: 'nat:2026-001',
    source: 'national',
    names: ['Ivan PETROV', 'Ivan Petrovich PETROV'],
    birthDates: ['1970-03-05'],
    nationalities: ['RUS'],
    gender: 'M',
    reason: 'Wanted for document fraud',
    action: 'Keep the passport. Refer to secondary and call the duty desk (ext. 200).',
    reference: 'NAT-2026-001',
    documents: [],
  };
  writeFileSync(path, `${JSON.stringify(header)}\n${JSON.stringify({ op: 'put', entry })}\n`);
  ws.harness.services.watchlist.applyBundle(path);
}

describe('officer: a full shift by keyboard', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;
  const axeFindings: Record<string, string[]> = {};

  const emit = (lines: string[]) => ws.harness.services.simulator!.emitZone(lines);
  const field = (name: string) => page.locator(`[data-field="${name}"]`).textContent();
  const counter = (name: string) => page.locator(`[data-counter="${name}"]`).first().textContent();
  const axe = async (name: string) => {
    axeFindings[name] = await seriousViolations(page);
  };
  /** Waits for the traveller with this document number, and returns the read id on screen. */
  const waitForTraveller = async (documentNumber: string) => {
    await page.locator(`[data-field="documentNumber"]`, { hasText: documentNumber }).waitFor();
    return page.getByTestId('read').getAttribute('data-read-id');
  };
  const next = async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('waiting').waitFor();
  };

  beforeAll(async () => {
    ws = await startWorkstation();
    importTinyWatchlist(ws);
    await addUser(ws, 'somchai', 'officer', 'Somchai P.');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('measures cold start to a usable sign-in screen', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh context each time: no HTTP cache, no code cache, as after a restart.
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(ws.harness.url);
      await p.getByTestId('login').waitFor();
      await p.waitForFunction(() => performance.getEntriesByName('app-usable').length > 0);
      samples.push(await p.evaluate(() => performance.getEntriesByName('app-usable')[0]!.startTime));
      await context.close();
    }
    writeFigures({ coldStartToUsable: timingFigure(samples, 2000) });
    // A figure, not a gate (the machine is shared): only check that every start was measured.
    expect(samples.every((ms) => ms > 0)).toBe(true);
  });

  it('signs in with the forced password change and waits with reader, list and counters', async () => {
    await page.goto(ws.harness.url);
    await page.getByTestId('login').waitFor();
    // A wrong password is explained, not a stack trace.
    await page.locator('input[name="username"]').fill('somchai');
    await page.locator('input[name="password"]').fill('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 15_000 }).toMatch(/not recognised/);
    await firstSignIn(page, 'somchai');
    await page.getByTestId('waiting').waitFor();
    await page.getByTestId('reader-status').filter({ hasText: 'Connected' }).waitFor();
    await expect.poll(() => page.getByTestId('watchlist-status').textContent(), { timeout: 15_000 }).toMatch(/v7/);
    expect(await page.getByTestId('stale-banner').count()).toBe(0);
    expect(await counter('total')).toBe('0');
    await axe('officer-waiting');
    await screenshot(page, 'officer-waiting-en');
  });

  it('admits a clean traveller with F2', async () => {
    await emit(TRAVELLERS.somsak);
    await waitForTraveller('AA1234567');
    expect(await field('surname')).toBe('SRISUK');
    expect(await page.getByTestId('check-zone').getAttribute('data-state')).toBe('pass');
    expect(await page.getByTestId('check-watchlist').textContent()).toMatch(/No watchlist match/);
    expect(await page.getByTestId('hit-panel').count()).toBe(0);
    await axe('officer-traveller');
    await screenshot(page, 'officer-traveller-en');
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('recorded').textContent(), { timeout: 15_000 }).toMatch(/Admit: recorded/);
    await next();
    expect(await counter('admit')).toBe('1');
    // Nothing of the previous traveller survives "next".
    expect(await page.getByText('SRISUK').count()).toBe(0);
  });

  it('refers an expired document: F3 asks for a reason and notes, Ctrl+Enter records', async () => {
    await emit(TRAVELLERS.lan);
    await waitForTraveller('C1234567');
    expect(await page.getByTestId('check-expiry').getAttribute('data-state')).toBe('fail');
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByTestId('decision-problem').textContent(), { timeout: 15_000 }).toMatch(/choose a reason and write notes/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reason');
    expect(await page.getByTestId('recorded').count()).toBe(0);
    await axe('officer-refer-form');
    await screenshot(page, 'officer-refer-form-en');
    // Keyboard only: pick the first reason for "refer", tab to the notes, confirm.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('reason').inputValue()).toBe('watchlist_hit');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Expired in January 2024; sent to the passport desk.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('recorded').textContent(), { timeout: 15_000 }).toMatch(/Refer: recorded/);
    await next();
    expect(await counter('refer')).toBe('1');
  });

  it('shows an unmissable hit panel with the entry, the action and a sound; refuses with F4', async () => {
    await emit(TRAVELLERS.petrov);
    await waitForTraveller('751234567');
    const panel = page.getByTestId('hit-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('role')).toBe('alert');
    const text = await panel.textContent();
    expect(text).toMatch(/WATCHLIST HIT/);
    expect(text).toMatch(/Ivan PETROV/);
    expect(await page.getByTestId('hit-action').textContent()).toMatch(/Refer to secondary/);
    expect(text).toMatch(/match \d+%/);
    expect(await page.evaluate(() => performance.getEntriesByName('hit-sound').length)).toBe(1);
    await axe('officer-hit');
    await screenshot(page, 'officer-hit-en');
    // A scan while the hit is undecided does not push the hit off the screen: the new read waits.
    await emit(TRAVELLERS.anna);
    await page.getByTestId('read-held').waitFor();
    expect(await page.locator('[data-field="documentNumber"]').textContent()).toMatch(/751234567/);
    expect(await page.getByTestId('hit-panel').count()).toBe(1);
    await axe('officer-read-held');
    await screenshot(page, 'officer-read-held-en');
    // Admitting a hit needs a justification too: F2 alone records nothing.
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('decision-problem').textContent(), { timeout: 15_000 }).toMatch(/watchlist hit/);
    expect(await page.getByTestId('recorded').count()).toBe(0);
    await page.getByTestId('reason').focus();
    await page.keyboard.press('F4');
    await page.getByTestId('reason').selectOption('watchlist_hit');
    await page.keyboard.press('Alt+N');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notes');
    await page.keyboard.type('Listed NAT-2026-001; duty desk informed, passport retained.');
    await page.keyboard.press('F4');
    await expect.poll(() => page.getByTestId('recorded').textContent(), { timeout: 15_000 }).toMatch(/Refuse: recorded/);
    // Next shows the read that waited; nothing of the hit traveller is left on screen.
    await page.keyboard.press('Escape');
    await waitForTraveller('C01X00T47');
    expect(await page.getByTestId('read-held').count()).toBe(0);
    expect(await page.getByTestId('hit-panel').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/PETROV|751234567/);
    // Not this one's turn yet in the script: discard it (Esc twice) and wait for the next.
    await page.keyboard.press('Escape');
    await next();
    expect(await counter('refuse')).toBe('1');
    expect(await counter('hits')).toBe('1');
  });

  it('takes a zone typed by hand, checked as it is typed', async () => {
    await page.keyboard.press('Alt+M');
    const box = page.getByTestId('manual-zone');
    await box.waitFor();
    const [l1, l2] = TRAVELLERS.budi as [string, string];
    // A typo in the document number's check digit is caught before submitting.
    const typo = l2.slice(0, 9) + (l2[9] === '1' ? '2' : '1') + l2.slice(10);
    await page.keyboard.type(`${l1}\n${typo}`);
    await expect.poll(() => page.getByTestId('manual-status').textContent(), { timeout: 15_000 }).toMatch(/TD3 zone with errors/);
    await axe('officer-manual-entry');
    // The icon stays a narrow mark; the sentences use the width of the box.
    const icon = await page.getByTestId('manual-errors-icon').boundingBox();
    const errorsBox = await page.locator('.manual-errors').boundingBox();
    const errorsText = await page.locator('.manual-errors-text').boundingBox();
    expect(icon!.width).toBeLessThan(40);
    expect(errorsText!.width).toBeGreaterThan(errorsBox!.width * 0.8);
    await screenshot(page, 'officer-manual-error-en');
    await box.fill('');
    await page.keyboard.type(`${l1.toLowerCase()}\n${l2}`);
    await expect.poll(() => page.getByTestId('manual-status').textContent(), { timeout: 15_000 }).toMatch(/Valid TD3 zone/);
    await page.getByTestId('manual-submit').focus();
    await page.keyboard.press('Enter');
    await waitForTraveller('B1234567');
    expect(await page.locator('.source-tag').textContent()).toMatch(/typed by hand/);
    await page.keyboard.press('F2');
    await page.getByTestId('recorded').waitFor();
    await next();
  });

  it('reads a page photo through OCR, or says plainly why it cannot', async () => {
    // A synthetic data page: the zone in OCR-B at the bottom of a white page, as a phone photo would frame it.
    const zone = TRAVELLERS.putri.map((l) => l.replaceAll('<', '&lt;'));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1250" height="880"><rect width="100%" height="100%" fill="#f4f1ea"/>
      <rect x="60" y="120" width="260" height="330" fill="#c9c2b5"/><text x="380" y="160" font-family="DejaVu Sans" font-size="30">PASSPORT</text>
      <text x="40" y="760" font-family="OCR B" font-size="36">${zone[0]}</text><text x="40" y="825" font-family="OCR B" font-size="36">${zone[1]}</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    await page.getByTestId('image-file').setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: png });
    const outcome = await Promise.race([
      page.getByTestId('traveller').waitFor({ timeout: 60_000 }).then(() => 'read' as const),
      page.getByTestId('image-error').waitFor({ timeout: 60_000 }).then(() => 'error' as const),
    ]);
    if (outcome === 'read') {
      expect(await page.locator('.source-tag').textContent()).toMatch(/OCR/);
      expect(await field('surname')).toBe('WIJAYA');
      await screenshot(page, 'officer-image-read-en');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByTestId('waiting').waitFor();
    } else {
      // OCR not installed or not sure: the officer gets a sentence that says what to do, never a stack trace.
      const message = (await page.getByTestId('image-error').textContent()) ?? '';
      console.info(`OCR did not read the page photo: ${message}`);
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toMatch(/\bat \S+ \(|\w+Error:|undefined|\[object/);
      await screenshot(page, 'officer-image-error-en');
    }
  });

  it('handles a minor and a German passport from the reader, and hides the traveller under the lock', async () => {
    await emit(TRAVELLERS.putri);
    await waitForTraveller('X7654321');
    expect(await page.getByTestId('check-age').textContent()).toMatch(/Minor/);
    await page.keyboard.press('F2');
    await page.getByTestId('recorded').waitFor();
    await next();

    await emit(TRAVELLERS.anna);
    await waitForTraveller('C01X00T47');
    await page.keyboard.press('Alt+L');
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('traveller').count()).toBe(0);
    expect(await page.getByText('SCHMIDT').count()).toBe(0);
    await axe('lock-screen');
    await screenshot(page, 'lock-screen-en');
    await page.keyboard.type('wrong password!');
    await page.keyboard.press('Enter');
    await page.getByTestId('error').waitFor();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // The lock cleared the undecided traveller (screen and core): the officer scans again.
    await page.getByTestId('waiting').waitFor();
    await emit(TRAVELLERS.anna);
    await waitForTraveller('C01X00T47');
    expect(await field('surname')).toBe('SCHMIDT');
    await page.keyboard.press('F2');
    await page.getByTestId('recorded').waitFor();
    await next();
    expect(await counter('total')).toBe('6');
  });

  it('measures reader last byte → verdict on screen', async () => {
    // Reads during the shift above shared the page with axe and screenshots (which block its main
    // thread); the dedicated run below is the figure that counts, the shift's reads are kept alongside.
    const duringShift = await page.evaluate(() => performance.getEntriesByName('verdict-shown').length);
    for (let i = 0; i < 20; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('verdict-shown').length);
      await emit(i % 2 ? TRAVELLERS.somsak : TRAVELLERS.petrov);
      await page.waitForFunction((n) => performance.getEntriesByName('verdict-shown').length > n, before);
      // An undecided hit holds back the next read (by design): discard it before the next scan.
      if (i % 2 === 0) {
        await page.keyboard.press('Escape');
        await page.getByTestId('confirm-discard').waitFor();
        await next();
      }
    }
    // The last read is undecided: Esc asks, Esc again discards it, on screen and in the core.
    const discardedId = await waitForTraveller('AA1234567');
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-discard').waitFor();
    await next();
    expect(await page.getByText('SRISUK').count()).toBe(0);
    expect(await page.getByTestId('read').count()).toBe(0);
    expect(await page.getByTestId('confirm-discard').count()).toBe(0);
    // A decision on the discarded read, even sent straight to the core, is refused.
    const late = await page.evaluate((readId) => window.checkpoint!.invoke('inspection.decide', { readId: readId!, decision: 'admit' }), discardedId);
    expect(late).toMatchObject({ ok: false, error: { code: 'read_gone' } });
    expect(ws.harness.services.counter.current()).toBeNull();
    // F1 documents the shortcut.
    await page.keyboard.press('F1');
    expect(await page.getByTestId('shortcut-help').textContent()).toMatch(/press twice to discard/);
    await screenshot(page, 'officer-shortcut-help-en');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('shortcut-help').count()).toBe(0);
    const marks = await page.evaluate(() =>
      performance.getEntriesByName('verdict-shown').map((e) => (e as PerformanceMark).detail as { source: string; waited: boolean; sinceLastByteMs: number }),
    );
    expect(marks.length).toBeGreaterThanOrEqual(25);
    expect(marks.every((m) => m.sinceLastByteMs >= 0)).toBe(true);
    // The machine's latency is a reader's read shown at once. Typed zones and page photos have no
    // reader bytes, and the read that waited behind the hit waited for the officer: kept out.
    const shift = marks.slice(0, duringShift);
    expect(shift.filter((m) => m.waited).map((m) => m.source)).toEqual(['simulator']);
    expect(shift.filter((m) => m.source === 'manual' || m.source === 'ocr').length).toBeGreaterThanOrEqual(1);
    const machine = (ms: typeof marks) => ms.filter((m) => !m.waited && m.source !== 'manual' && m.source !== 'ocr').map((m) => m.sinceLastByteMs);
    writeFigures({ readerLastByteToVerdict: timingFigure(machine(marks.slice(duringShift)), 150), readerLastByteToVerdictDuringShift: timingFigure(machine(shift), 150) });
  });

  it('records every decision in the log with the officer, and signs out', async () => {
    const records = [...ws.harness.services.log.iterateShift({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })];
    expect(records.map((r) => r.decision).sort()).toEqual(['admit', 'admit', 'admit', 'admit', 'refer', 'refuse']);
    expect(records.every((r) => r.officer === 'somchai')).toBe(true);
    const refused = records.find((r) => r.decision === 'refuse')!;
    expect(refused.reason).toBe('watchlist_hit');
    expect(refused.checks.hitCount).toBe(1);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login').waitFor();
    expect(await page.getByText('SCHMIDT').count()).toBe(0);
  });

  it('shows the officer screens in Thai, Vietnamese and Bahasa Indonesia, and keeps the language after a restart', async () => {
    await signIn(page, 'somchai');
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await page.getByTestId('waiting').waitFor();
      await screenshot(page, `officer-waiting-${locale}`);
      await emit(TRAVELLERS.petrov);
      await page.getByTestId('hit-panel').waitFor();
      await screenshot(page, `officer-hit-${locale}`);
      await page.keyboard.press('F3');
      await screenshot(page, `officer-refer-form-${locale}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByTestId('waiting').waitFor();
      await page.keyboard.press('Alt+M');
      await page.keyboard.type(TRAVELLERS.budi[0]!);
      await screenshot(page, `officer-manual-entry-${locale}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+L');
      await page.getByTestId('lock-screen').waitFor();
      await screenshot(page, `lock-screen-${locale}`);
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByTestId('waiting').waitFor();
    }
    await axe('officer-hit-th');
    await setLocale(page, 'th');
    await page.reload();
    await page.getByTestId('login').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    await expect.poll(() => page.locator('#login-title').textContent(), { timeout: 15_000 }).toBe('เข้าสู่ระบบ');
    await screenshot(page, 'login-th');
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await screenshot(page, `login-${locale}`);
    }
    await axe('login');
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
  });
});
