/**
 * Reads a text file line by line without loading it whole: a million-entry bundle is hundreds of MB,
 * and the workstation must stay within its memory budget while importing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../app/errors';

export function* readLinesSync(path: string): Generator<{ line: number; text: string }> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UserError('file_unreadable', `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}. Check the path and permissions.`);
  }
  const buf = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      pending += decoder.decode(buf.subarray(0, n), { stream: true });
      let start = 0;
      for (;;) {
        const nl = pending.indexOf('\n', start);
        if (nl < 0) break;
        line++;
        let text = pending.slice(start, nl);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        yield { line, text };
        start = nl + 1;
      }
      pending = pending.slice(start);
    }
    pending += decoder.decode();
    if (pending.length) {
      line++;
      if (line === 1 && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      yield { line, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
    }
  } finally {
    closeSync(fd);
  }
}
