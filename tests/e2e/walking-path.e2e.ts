import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addUser, firstSignIn } from './helpers';
import { launchBrowser, screenshot, startWorkstation, type TestWorkstation } from './support';

/**
 * The walking path: a simulated reader emits the ICAO 9303 specimen passport zone as real framed bytes,
 * the core parses it, and the officer screen in Chromium shows the traveller.
 */
describe('walking path: scanner to officer screen', () => {
  let ws: TestWorkstation;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ws = await startWorkstation();
    await addUser(ws, 'walker', 'officer', 'Walking Path');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(ws.harness.url);
    await firstSignIn(page, 'walker');
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('waits for a document, with the simulated reader shown as connected', async () => {
    await expect(page.getByTestId('waiting').textContent()).resolves.toMatch(/Waiting for a document/);
    await page.getByTestId('reader-status').filter({ hasText: 'Connected' }).waitFor();
  });

  it('shows the specimen traveller and a valid zone after a simulated read', async () => {
    await ws.harness.services.simulator!.emitSpecimen('td3');
    const traveller = page.getByTestId('traveller');
    await traveller.waitFor();
    const field = (name: string) => page.locator(`[data-field="${name}"]`).textContent();
    expect(await field('surname')).toBe('ERIKSSON');
    expect(await field('givenNames')).toBe('ANNA MARIA');
    expect(await field('documentNumber')).toBe('L898902C3');
    expect(await field('nationality')).toBe('UTO');
    expect(await field('birthDate')).toBe('Aug 12, 1974');
    expect(await page.getByTestId('check-zone').textContent()).toMatch(/Zone valid/);
    await screenshot(page, 'walking-path-officer-en');
  });
});
