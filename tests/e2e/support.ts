import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/cli/harness/server';
import { openInspectionLog } from '../../electron/core/inspections';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = new URL('./screenshots/', import.meta.url).pathname;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface TestWorkstation {
  harness: Harness;
  dataDir: string;
  cleanup(): Promise<void>;
}

/**
 * A harness on a fresh data folder, running the real core in this process. `settings` are stored in the
 * data folder's workstation settings (as an administrator would) before the core starts.
 */
export async function startWorkstation(opts: { settings?: Record<string, string> } = {}): Promise<TestWorkstation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-e2e-'));
  if (opts.settings) {
    const log = openInspectionLog(dataDir);
    for (const [key, value] of Object.entries(opts.settings)) log.setSetting(key, value, 'e2e-setup');
    log.close();
  }
  const harness = await startHarness({ dataDir });
  return {
    harness,
    dataDir,
    async cleanup() {
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
