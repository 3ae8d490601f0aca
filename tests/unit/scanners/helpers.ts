import { parseMrz, SPECIMENS } from '../../../electron/core/mrz';
import type { ScannedDocument, ScannerDriver, ScannerProblem, ScannerStatus } from '../../../electron/core/scanners';

export const parse = (lines: string[]) => parseMrz(lines);
export const TD3 = SPECIMENS.td3!;
export const TD1 = SPECIMENS.td1!;
export const TD2 = SPECIMENS.td2!;

/** TD3 specimen with one document-number check digit changed: a bad read the officer must see. */
export const TD3_BAD_CHECK = [TD3[0]!, TD3[1]!.slice(0, 9) + '7' + TD3[1]!.slice(10)];

/** Collects everything a driver says. */
export function record(driver: ScannerDriver) {
  const docs: ScannedDocument[] = [];
  const problems: ScannerProblem[] = [];
  const statuses: ScannerStatus[] = [];
  driver.on('document', (d) => docs.push(d));
  driver.on('error', (e) => problems.push(e));
  driver.on('status', (s) => statuses.push(s));
  return { docs, problems, statuses };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
