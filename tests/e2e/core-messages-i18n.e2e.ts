import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatMrz, type MrzFields } from '../../electron/core/mrz';
import { addUser, firstSignIn, setLocale } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * Messages the core makes (why a watchlist entry matched, what is wrong with a zone) reach the officer
 * in the screen's language: with Thai chosen, the hit panel and the zone check show Thai sentences,
 * not the core's English ones.
 */

const zone = (f: Partial<MrzFields>): string[] =>
  formatMrz({ documentCode: 'P', issuingState: 'RUS', nationality: 'RUS', surname: 'PETROV', givenNames: 'IVAN', documentNumber: '751234567', birthDate: '1970-03-05', expiryDate: '2031-05-01', sex: 'M', ...f }, 'TD3');

/** A one-entry list naming the person in Cyrillic only: the Latin zone matches through transliteration. */
function importCyrillicEntry(ws: TestWorkstation): void {
  const path = join(ws.dataDir, 'cyrillic-list.jsonl');
  const header = { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: 3, baseVersion: null, publishedAt: new Date().toISOString(), entryCount: 1 };
  const entry = {
    kind: 'person', id: 'nat:cyr-1', source: 'national', names: ['Иван ПЕТРОВ'], birthDates: ['1970-03-05'], nationalities: ['RUS'], gender: 'M',
    reason: 'Wanted for document fraud', action: 'Refer to secondary.', reference: 'NAT-CYR-1', documents: [],
  };
  writeFileSync(path, `${JSON.stringify(header)}\n${JSON.stringify({ op: 'put', entry })}\n`);
  ws.harness.services.watchlist.applyBundle(path);
}

describe('core messages in the screen language', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;
  const emit = (lines: string[]) => ws.harness.services.simulator!.emitZone(lines);
  const next = async () => {
    await page.keyboard.press('Escape');
    if (await page.getByTestId('confirm-discard').count()) await page.keyboard.press('Escape');
    await page.getByTestId('waiting').waitFor();
  };

  beforeAll(async () => {
    ws = await startWorkstation();
    importCyrillicEntry(ws);
    await addUser(ws, 'niran', 'officer', 'Niran K.');
    await addUser(ws, 'anan', 'technician', 'Anan T.');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(ws.harness.url);
    await firstSignIn(page, 'niran');
    await page.getByTestId('waiting').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('explains a watchlist hit in Thai', async () => {
    // English first: the same codes give the English explanation.
    await emit(zone({}));
    await page.getByTestId('hit-panel').waitFor();
    expect(await page.locator('.hit-why').textContent()).toMatch(/Name match 100\s?%: IVAN = IVAN, PETROV = PETROV.*Birth date exact \(\+0\.05\)/);
    await next();

    await setLocale(page, 'th');
    await emit(zone({}));
    await page.getByTestId('hit-panel').waitFor();
    const why = (await page.locator('.hit-why').textContent()) ?? '';
    expect(why).toContain('ความตรงกันของชื่อ');
    expect(why).toContain('PETROV = PETROV');
    expect(why).toContain('วันเกิดตรงกันทุกประการ (+0.05)');
    expect(why).toContain('สัญชาติ RUS ตรงกัน');
    // Not the core's English sentences.
    expect(why).not.toMatch(/birth date exact|nationality RUS matches|name \d/i);
    await screenshot(page, 'officer-hit-reasons-th');
    await next();
  });

  it('says what is wrong with a zone in Thai, on the traveller and while typing', async () => {
    await setLocale(page, 'th');
    const [l1, l2] = zone({ surname: 'SRISUK', givenNames: 'SOMSAK', issuingState: 'THA', nationality: 'THA', documentNumber: 'AA1234567' }) as [string, string];
    // The document number's check digit (line 2, position 10) made wrong.
    const bad = l2.slice(0, 9) + String((Number(l2[9]) + 1) % 10) + l2.slice(10);
    await emit([l1, bad]);
    await page.locator('[data-field="documentNumber"]', { hasText: 'AA1234567' }).waitFor();
    const check = page.getByTestId('check-zone');
    expect(await check.getAttribute('data-state')).toBe('fail');
    const text = (await check.textContent()) ?? '';
    expect(text).toContain(`เลขตรวจสอบของหมายเลขเอกสารคือ ${bad[9]} แต่ควรเป็น ${l2[9]}`);
    expect(text).not.toMatch(/check digit/);
    await screenshot(page, 'officer-zone-error-th');
    await next();

    await page.keyboard.press('Alt+M');
    await page.getByTestId('manual-zone').waitFor();
    await page.keyboard.type(`${l1}\n${bad}`);
    await expect.poll(() => page.getByTestId('manual-status').textContent(), { timeout: 15_000 }).toContain('เลขตรวจสอบของหมายเลขเอกสาร');
    const manual = (await page.getByTestId('manual-status').textContent()) ?? '';
    expect(manual).toContain('(หมายเลขเอกสาร)');
    expect(manual).not.toMatch(/check digit|documentNumber/);
    await screenshot(page, 'officer-manual-error-th');
    await page.keyboard.press('Escape');
  });

  it('shows a failed list update and the health checks in Thai for the technician', async () => {
    await page.getByTestId('sign-out').click();
    await firstSignIn(page, 'anan');
    await setLocale(page, 'th');
    await page.getByTestId('tab-sync').click();
    await page.getByTestId('sync-settings').waitFor();
    await page.getByTestId('sync-url').fill('https://lists.invalid/watchlist/');
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-pull').click();
    const syncError = page.getByTestId('sync-error');
    await syncError.waitFor({ timeout: 30_000 });
    const said = (await syncError.textContent()) ?? '';
    expect(said).toContain('ยังคงใช้บัญชีรายชื่อฉบับ 3 อยู่');
    expect(said).not.toMatch(/stays in use|Could not|refused/);
    // The headline says the failure too, never "up to date" next to it.
    const state = page.getByTestId('sync-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    expect(await state.textContent()).toContain('การปรับปรุงครั้งล่าสุดล้มเหลว');
    expect(await state.textContent()).not.toContain('เป็นปัจจุบัน');
    await screenshot(page, 'technician-sync-error-th');

    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-check').first().waitFor({ timeout: 30_000 });
    const checks = (await page.getByTestId('doctor').textContent()) ?? '';
    expect(checks).toContain('โฟลเดอร์ข้อมูล');
    expect(checks).toContain('การปรับปรุงครั้งล่าสุดล้มเหลว');
    expect(checks).not.toMatch(/is writable|last pull failed|list version \d/);
    // The list (published minutes ago) is within its age limit, as the sync tab says.
    expect(checks).not.toContain('อายุบัญชีเฝ้าระวัง');
    // No trusted root yet: the fix is to install the root.json, not to look at the network.
    expect(checks).toContain('ติดตั้งไฟล์ root.json จากสำนักงานใหญ่');
    expect(checks).not.toContain('ตรวจสอบเส้นทางเครือข่าย');
    await screenshot(page, 'technician-doctor-codes-th');

    // Something that is not a zone arrives: the raw console says why in Thai, with the line lengths.
    await page.getByTestId('tab-reader').click();
    await page.getByTestId('raw-console').waitFor();
    await emit(['HELLO FROM A BARCODE', 'NOT A ZONE']);
    const problem = page.getByTestId('raw-problem').first();
    await problem.waitFor({ timeout: 15_000 });
    const problemText = (await problem.textContent()) ?? '';
    expect(problemText).toContain('เครื่องอ่านส่งบรรทัดยาว 20/10 ตัวอักษร: ไม่ใช่แถบอ่านด้วยเครื่อง');
    expect(problemText).not.toMatch(/Reader sent|machine readable/);
    await screenshot(page, 'technician-raw-problem-th');
  });
});
