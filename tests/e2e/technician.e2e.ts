import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SPECIMENS } from '../../electron/core/mrz';
import { addUser, firstSignIn, LOCALES, seriousViolations, setLocale } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * A technician sets up a serial reader on a real pseudo-terminal pair (socat): picks a template, points
 * it at the port, test-reads a passport, makes it the counter's reader and watches the raw bytes; then
 * the sync settings and the health checks.
 */
describe('technician: setting up a reader', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;
  let socat: ChildProcess;
  let readerPort: string;
  let passportSide: string;
  const axeFindings: Record<string, string[]> = {};
  const axe = async (name: string) => {
    axeFindings[name] = await seriousViolations(page);
  };
  /** What a serial reader sends for one passport: the zone lines, CR/LF terminated. */
  const presentPassport = () => writeFileSync(passportSide, SPECIMENS.td3!.map((l) => `${l}\r\n`).join(''));

  beforeAll(async () => {
    ws = await startWorkstation();
    readerPort = join(ws.dataDir, 'ttyREADER');
    passportSide = join(ws.dataDir, 'ttyPASSPORT');
    socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${readerPort}`, `pty,raw,echo=0,link=${passportSide}`], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(existsSync(readerPort) && existsSync(passportSide)); i++) await new Promise((r) => setTimeout(r, 50));
    await addUser(ws, 'niran', 'technician', 'Niran T.', null);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(ws.harness.url);
    await firstSignIn(page, 'niran');
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
    socat?.kill();
  });

  it('shows detected devices and the technician screens only', async () => {
    await page.getByTestId('devices').waitFor();
    await page.getByTestId('profiles').waitFor();
    // No officer or supervisor screens for a technician.
    expect(await page.getByTestId('waiting').count()).toBe(0);
    expect(await page.getByTestId('tab-dashboard').count()).toBe(0);
    await axe('technician-reader');
    await screenshot(page, 'technician-reader-en');
  });

  it('adds a serial profile from a template, test-reads a passport on the port, and makes it the reader', async () => {
    await page.getByTestId('template').selectOption('serial-line');
    await page.getByTestId('add-template').click();
    const editor = page.getByTestId('profile-json');
    const json = JSON.parse(await editor.inputValue()) as { port: { path: string }; name: string };
    expect(json.port.path).toMatch(/ttyUSB0|COM3|usbserial/);
    // A typo is flagged as it is typed, before anything is sent to the core.
    await editor.fill('{ "id": "serial-line", ');
    await expect.poll(() => page.locator('#profile-json-status').textContent(), { timeout: 10_000 }).toMatch(/Not valid JSON/);
    await editor.fill(JSON.stringify({ ...json, name: 'Counter 3 reader', port: { path: readerPort } }, null, 2));
    await expect.poll(() => page.locator('#profile-json-status').textContent(), { timeout: 10_000 }).toMatch(/well-formed/);

    await page.getByTestId('test-read').click();
    await page.getByText('Waiting for a document on the reader').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    presentPassport();
    const result = page.getByTestId('test-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toMatch(/Read a valid TD3 zone/);
    expect(await result.textContent()).toMatch(/L898902C36UTO/);
    // The ✔ is a narrow mark; the result uses the width of the box.
    const icon = await result.locator('> span').first().boundingBox();
    expect(icon!.width).toBeLessThan(40);
    await screenshot(page, 'technician-test-read-en');

    await page.getByRole('radio', { name: /Counter 3 reader/ }).check();
    await page.getByTestId('profiles-save').click();
    await page.getByTestId('profiles-saved').waitFor();
    await page.getByTestId('reader-status').filter({ hasText: 'Counter 3 reader' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 });
  });

  it('shows the raw bytes of a read in hex and text', async () => {
    presentPassport();
    const lines = page.getByTestId('raw-lines');
    await lines.waitFor({ timeout: 20_000 });
    await expect.poll(() => lines.textContent(), { timeout: 10_000 }).toMatch(/50 3c 55 54 4f|50 3C 55 54 4F/);
    expect(await lines.textContent()).toMatch(/P<UTOERIKSSON/);
    await axe('technician-raw-console');
    await screenshot(page, 'technician-raw-console-en');
  });

  it('refuses a profile the core finds invalid, with the field named', async () => {
    const editor = page.getByTestId('profile-json');
    const json = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    await editor.fill(JSON.stringify({ ...json, framing: 'smoke-signals' }));
    await page.getByTestId('profiles-save').click();
    await expect.poll(() => page.getByTestId('profiles-error').textContent(), { timeout: 10_000 }).toMatch(/framing/);
  });

  it('edits sync settings, tries an update and shows the failure as a sentence', async () => {
    await page.getByTestId('tab-sync').click();
    await page.getByTestId('sync-settings').waitFor();
    await page.getByTestId('sync-url').fill('https://lists.invalid/watchlist/');
    await page.getByTestId('sync-save').click();
    await page.getByText('Saved.').waitFor();
    await page.getByTestId('sync-pull').click();
    await page.getByTestId('sync-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sync-error').textContent()).not.toMatch(/\bat \S+ \(/);
    await axe('technician-sync');
    await screenshot(page, 'technician-sync-en');
  });

  it('runs the health checks', async () => {
    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-check').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('doctor-check').count()).toBeGreaterThan(2);
    await axe('technician-doctor');
    await screenshot(page, 'technician-doctor-en');
  });

  it('shows every technician screen in the four languages', async () => {
    for (const locale of LOCALES) {
      await setLocale(page, locale);
      await page.getByTestId('tab-reader').click();
      await page.getByTestId('profiles').waitFor();
      await screenshot(page, `technician-reader-${locale}`);
      await page.getByTestId('tab-sync').click();
      await page.getByTestId('sync-settings').waitFor();
      await screenshot(page, `technician-sync-${locale}`);
      await page.getByTestId('tab-doctor').click();
      await page.getByTestId('doctor-check').first().waitFor({ timeout: 30_000 });
      await screenshot(page, `technician-doctor-${locale}`);
    }
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((k) => [k, []])));
  });
});
