/**
 * Timing marks the end-to-end run reads back (Performance API, no globals, no personal data):
 * `app-usable` once the first screen can take input, `verdict-shown` each time a read's checks are on
 * screen, with the time since the reader's last byte.
 */
let usableMarked = false;

export function markUsable(): void {
  if (usableMarked) return;
  usableMarked = true;
  requestAnimationFrame(() => performance.mark('app-usable'));
}

/** `receivedAt` is the core's clock (same machine): ms epoch of the reader's last byte. */
export function markVerdictShown(readId: string, receivedAt: number): void {
  // The frame callback runs just before the browser paints the committed verdict.
  requestAnimationFrame(() => {
    performance.mark('verdict-shown', { detail: { readId, sinceLastByteMs: Date.now() - receivedAt } });
  });
}
