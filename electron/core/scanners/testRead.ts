/**
 * The technician's test read: open a profile, wait for one document (or the timeout), and return what
 * came over the wire (hex and text) with the parsed result, so a wrong framing or baud rate is visible.
 */
import { describeBytes } from './devices';
import { createDriver, type DriverDeps } from './createDriver';
import type { ScannerProfileInput } from './profiles';
import type { ReaderProblemReason, ScannedDocument, ScannerStatus } from './types';

export interface TestReadResult {
  document: ScannedDocument | null;
  /** Last status (e.g. "No reader found on /dev/ttyUSB0: plug it in…"). */
  status: ScannerStatus;
  raw: Array<{ direction: 'in' | 'out'; hex: string; text: string; at: number }>;
  /** True when more bytes came than are shown (the list is capped). */
  rawTruncated: boolean;
  problems: string[];
  /** The same problems as codes with their values (`READER_PROBLEM_CODES`), for translated screens. */
  coded: Array<{ code: ReaderProblemReason; params: Record<string, string | number> }>;
}

const MAX_RAW_BYTES = 16 * 1024;

export async function testRead(profile: ScannerProfileInput, opts: { timeoutMs?: number; deps?: DriverDeps } = {}): Promise<TestReadResult> {
  const driver = createDriver(profile, opts.deps);
  const result: TestReadResult = { document: null, status: driver.status, raw: [], rawTruncated: false, problems: [], coded: [] };
  let shown = 0;
  driver.on('raw', (r) => {
    if (shown >= MAX_RAW_BYTES) {
      result.rawTruncated = true;
      return;
    }
    const bytes = r.bytes.subarray(0, MAX_RAW_BYTES - shown);
    shown += bytes.length;
    result.rawTruncated ||= bytes.length < r.bytes.length;
    result.raw.push({ direction: r.direction, ...describeBytes(bytes), at: r.at });
  });
  driver.on('error', (e) => {
    result.problems.push(e.message);
    result.coded.push({ code: e.reason, params: e.params });
  });
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, opts.timeoutMs ?? 15_000);
      driver.once('document', (d) => {
        result.document = d;
        clearTimeout(timer);
        resolve();
      });
      driver.open().catch((e: Error) => {
        result.problems.push(e.message);
        result.coded.push({ code: 'test_open_failed', params: { error: e.message } });
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    result.status = driver.status;
    await driver.close();
  }
  return result;
}
