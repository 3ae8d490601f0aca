/**
 * Access-IS style vendor HID reports: the first byte is the payload length (bit 7 is a flag the
 * reader sets on some reports and that carries no zone data), followed by the payload. The payloads
 * form a byte stream framed `1C 02 … 03 1D` (FS STX lines ETX GS) per OCR read.
 */
import { FS, GS, STX, ETX } from '../framing/decoder';

export const ACCESS_IS_VENDOR_ID = 0x0db5;
export const ACCESS_FRAME_START = Buffer.from([FS]);
export const ACCESS_FRAME_END = Buffer.from([GS]);

export interface AccessHidOptions {
  reportId?: number;
}

export type ReportPayload = { ok: true; bytes: Buffer } | { ok: false; message: string; params: Record<string, number> };

export function accessHidPayload(report: Buffer, opts: AccessHidOptions = {}): ReportPayload {
  let r = report;
  if (opts.reportId !== undefined) {
    if (r[0] !== opts.reportId) return { ok: true, bytes: Buffer.alloc(0) };
    r = r.subarray(1);
  }
  if (r.length === 0) return { ok: true, bytes: Buffer.alloc(0) };
  const len = r[0]! & 0x7f;
  if (len > r.length - 1) return { ok: false, message: `Reader sent a HID report claiming ${len} bytes in a ${r.length}-byte report; it was ignored.`, params: { claimed: len, size: r.length } };
  return { ok: true, bytes: Buffer.from(r.subarray(1, 1 + len)) };
}

/** Splits a framed OCR read into vendor reports of `reportSize` bytes (length byte + payload, zero padded). */
export function encodeAccessHidReports(lines: string[], reportSize = 64, opts: AccessHidOptions = {}): Buffer[] {
  const stream = Buffer.concat([Buffer.from([FS, STX]), Buffer.from(lines.map((l) => l + '\r').join(''), 'latin1'), Buffer.from([ETX, GS])]);
  const room = reportSize - 1;
  const reports: Buffer[] = [];
  for (let i = 0; i < stream.length; i += room) {
    const part = stream.subarray(i, i + room);
    const r = Buffer.alloc(reportSize);
    r[0] = part.length | (i + room < stream.length ? 0x80 : 0); // bit 7 on all but the last report; readers differ on its meaning and decoding ignores it
    part.copy(r, 1);
    reports.push(opts.reportId === undefined ? r : Buffer.concat([Buffer.from([opts.reportId]), r]));
  }
  return reports;
}
