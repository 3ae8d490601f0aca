/**
 * Shared steps for the end-to-end tests: accounts made through the real auth service, sign-in through
 * the screens (including the forced first password change), axe checks, and the figures file.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Role } from '../../electron/contract';
import type { TestWorkstation } from './support';

export const LOCALES = ['en', 'th', 'vi', 'id'] as const;
export type Locale = (typeof LOCALES)[number];

export const TEMP_PASSWORD = 'temporary horse 42';
export const PASSWORD = 'correct battery staple 7';

export async function addUser(ws: TestWorkstation, username: string, role: Role, displayName: string, site: string | null = 'BKK-1'): Promise<void> {
  await ws.harness.services.auth.addUser({ username, role, password: TEMP_PASSWORD, displayName, site }, 'e2e-setup');
}

/** First sign-in: temporary password, then the forced change, then the role's screen. */
export async function firstSignIn(page: Page, username: string): Promise<void> {
  await signInForm(page, username, TEMP_PASSWORD);
  await page.getByTestId('change-password').waitFor();
  await page.locator('input[name="current"]').fill(TEMP_PASSWORD);
  await page.locator('input[name="new"]').fill(PASSWORD);
  await page.locator('input[name="repeat"]').fill(PASSWORD);
  await page.locator('input[name="repeat"]').press('Enter');
  await page.getByTestId('who').waitFor();
}

export async function signIn(page: Page, username: string): Promise<void> {
  await signInForm(page, username, PASSWORD);
  await page.getByTestId('who').waitFor();
}

export async function signInForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login').waitFor();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
}

export async function setLocale(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('language').first().selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/** axe-core on the page as it is: returns the serious and critical violations, described for the failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

export const ARTIFACTS_DIR = new URL('./.artifacts/', import.meta.url).pathname;
const FIGURES = join(ARTIFACTS_DIR, 'figures.json');

export interface TimingFigure {
  unit: 'ms';
  samples: number[];
  n: number;
  median: number;
  p95: number;
  max: number;
  target: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export function timingFigure(samples: number[], target: number): TimingFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { unit: 'ms', samples: samples.map(round), n: samples.length, median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? NaN), target };
}

/** Merges figures into tests/e2e/.artifacts/figures.json (git-ignored) for `npm run bench` to print. */
export function writeFigures(figures: Record<string, TimingFigure>): void {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const current = existsSync(FIGURES) ? (JSON.parse(readFileSync(FIGURES, 'utf8')) as { figures?: Record<string, TimingFigure> }) : {};
  const next = { generatedAt: new Date().toISOString(), machine: `${process.platform} ${process.arch}`, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100, figures: { ...(current.figures ?? {}), ...figures } };
  writeFileSync(FIGURES, JSON.stringify(next, null, 2) + '\n');
}
