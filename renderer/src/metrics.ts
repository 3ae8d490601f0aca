/**
 * Timing marks the end-to-end run reads back (Performance API, no globals, no personal data):
 * `app-usable` once the first screen can take input, `verdict-shown` each time a read's checks are on
 * screen, with the time since the reader's last byte.
 */
import type { TravellerRead } from '../../electron/contract';

let usableMarked = false;

export function markUsable(): void {
  if (usableMarked) return;
  usableMarked = true;
  requestAnimationFrame(() => performance.mark('app-usable'));
}

/**
 * `read.receivedAt` is the core's clock (same machine): ms epoch of the reader's last byte (for typed
 * zones, the submit; for page photos, the upload). `source` and `waited` let the figures keep apart
 * what is the machine's latency (a reader's read) from what is not (OCR of a photo; a read that waited
 * behind an undecided hit until the officer decided).
 */
export function markVerdictShown(read: Pick<TravellerRead, 'readId' | 'receivedAt' | 'source'>, waited: boolean): void {
  // The frame callback runs just before the browser paints the committed verdict.
  requestAnimationFrame(() => {
    performance.mark('verdict-shown', { detail: { readId: read.readId, source: read.source, waited, sinceLastByteMs: Date.now() - read.receivedAt } });
  });
}
