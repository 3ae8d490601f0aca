/**
 * Reading and writing watchlist bundle files (format fixed in ../watchlist/types.ts): one JSON header
 * line, then one operation per line. Entries are written with sorted keys so that the same entry
 * always has the same bytes, which is what makes deltas small and comparisons cheap.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { UserError } from '../app/errors';
import type { BundleHeader, BundleOp, WatchlistEntry } from '../watchlist';

export const bundleHeaderSchema = z.object({
  format: z.literal('checkpoint-watchlist'),
  formatVersion: z.literal(1),
  kind: z.enum(['snapshot', 'delta']),
  listVersion: z.number().int().positive(),
  baseVersion: z.number().int().positive().nullable(),
  publishedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'publishedAt must be a date'),
  entryCount: z.number().int().nonnegative(),
});

/** Rebuilds plain objects with sorted keys as JSON.stringify walks them (faster than a hand-written walk). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = o[k];
    return out;
  }
  return value;
}

/** JSON with object keys sorted at every level; arrays keep their order (name order matters). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys);
}

const PUT_PREFIX = '{"op":"put","entry":';

export function putLine(entryJson: string): string {
  return `${PUT_PREFIX}${entryJson}}`;
}

export function delLine(id: string): string {
  return JSON.stringify({ op: 'del', id });
}

/**
 * Writes a bundle in large sequential chunks (a 1M-entry snapshot is a few hundred MB) to a temporary
 * path and fsyncs it; the caller renames it to its content-addressed name, so a half-written bundle is
 * never mistaken for a finished one.
 */
export class BundleWriter {
  private fd: number;
  private chunks: string[] = [];
  private pending = 0;
  private hash = createHash('sha256');
  bytes = 0;
  lines = 0;

  constructor(readonly tmpPath: string, header: BundleHeader) {
    this.fd = openSync(tmpPath, 'w', 0o644);
    this.write(JSON.stringify(header));
  }

  write(line: string): void {
    this.chunks.push(line, '\n');
    this.pending += line.length + 1;
    this.lines++;
    if (this.pending >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.chunks.length) return;
    const buf = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.pending = 0;
    this.hash.update(buf);
    this.bytes += buf.length;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  /** Finishes the file; returns its length and SHA-256 (hex). */
  close(): { length: number; sha256: string } {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    return { length: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Reads and validates the header line without reading the rest of a (possibly huge) file. */
export function readBundleHeader(path: string): BundleHeader {
  const fd = openSync(path, 'r');
  let text = '';
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    text = buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
  const nl = text.indexOf('\n');
  if (nl < 0) throw new UserError('sync_bad_bundle', 'The watchlist bundle has no header line; it is not a checkpoint watchlist bundle.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(0, nl));
  } catch {
    throw new UserError('sync_bad_bundle', 'The watchlist bundle header is not valid JSON.');
  }
  const r = bundleHeaderSchema.safeParse(parsed);
  if (!r.success) throw new UserError('sync_bad_bundle', `The watchlist bundle header is not valid: ${r.error.issues[0]?.message ?? 'unknown field'}.`);
  return r.data as BundleHeader;
}

/** The operations of a bundle, in file order, parsed one line at a time. */
export async function* readBundleOps(path: string): AsyncGenerator<{ op: BundleOp; line: string }> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let first = true;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (first) {
      first = false;
      continue;
    }
    if (line === '') continue;
    let op: BundleOp;
    try {
      op = JSON.parse(line) as BundleOp;
    } catch {
      throw new UserError('sync_bad_bundle', `Line ${lineNo} of the watchlist bundle is not valid JSON.`);
    }
    if (op.op === 'put' ? typeof op.entry?.id !== 'string' : op.op === 'del' ? typeof op.id !== 'string' : true) {
      throw new UserError('sync_bad_bundle', `Line ${lineNo} of the watchlist bundle is not a put or del operation.`);
    }
    yield { op, line };
  }
}

/**
 * The JSON of a put line's entry. Lines written by BundleWriter already hold canonical JSON, so the text is
 * taken as is; a line from another writer may differ in key order, which at worst makes the next delta
 * re-send that entry (still correct).
 */
export function entryJsonOfPutLine(line: string, entry: WatchlistEntry): string {
  if (line.startsWith(PUT_PREFIX) && line.endsWith('}')) return line.slice(PUT_PREFIX.length, -1);
  return canonicalJson(entry);
}
