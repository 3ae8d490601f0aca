/**
 * The project's own list format (see docs/watchlist-bundle.md): JSON lines, a header then operations.
 * A bundle is all-or-nothing: any bad line rejects the whole bundle, since sync relies on exact versions.
 */
import { UserError } from '../../app/errors';
import type { BundleHeader, BundleOp } from '../types';
import { validateEntry } from '../validate';
import { readLinesSync } from './lines';

export function parseBundleHeader(text: string, path: string): BundleHeader {
  let h: any;
  try {
    h = JSON.parse(text);
  } catch {
    throw new UserError('bundle_invalid', `${path} line 1: not a watchlist bundle (the header is not JSON).`);
  }
  if (!h || h.format !== 'checkpoint-watchlist') throw new UserError('bundle_invalid', `${path} line 1: not a watchlist bundle (format must be "checkpoint-watchlist").`);
  if (h.formatVersion !== 1) throw new UserError('bundle_invalid', `${path} line 1: bundle format version ${h.formatVersion} is not supported; update the workstation.`);
  if (h.kind !== 'snapshot' && h.kind !== 'delta') throw new UserError('bundle_invalid', `${path} line 1: kind must be "snapshot" or "delta".`);
  if (!Number.isInteger(h.listVersion) || h.listVersion < 0) throw new UserError('bundle_invalid', `${path} line 1: listVersion must be a whole number.`);
  if (h.kind === 'delta' && !Number.isInteger(h.baseVersion)) throw new UserError('bundle_invalid', `${path} line 1: a delta needs a baseVersion.`);
  if (!Number.isInteger(h.entryCount) || h.entryCount < 0) throw new UserError('bundle_invalid', `${path} line 1: entryCount must be a whole number.`);
  if (typeof h.publishedAt !== 'string') throw new UserError('bundle_invalid', `${path} line 1: publishedAt must be a date-time string.`);
  return {
    format: 'checkpoint-watchlist',
    formatVersion: 1,
    kind: h.kind,
    listVersion: h.listVersion,
    baseVersion: h.kind === 'delta' ? h.baseVersion : null,
    publishedAt: h.publishedAt,
    entryCount: h.entryCount,
  };
}

/** Header first, then each operation with its line number. Throws UserError naming the line on any bad line. */
export function* readBundle(path: string): Generator<{ header: BundleHeader } | { line: number; op: BundleOp }> {
  let header: BundleHeader | null = null;
  for (const { line, text } of readLinesSync(path)) {
    if (!text.trim()) continue;
    if (!header) {
      if (line !== 1) throw new UserError('bundle_invalid', `${path}: the header must be on line 1.`);
      header = parseBundleHeader(text, path);
      yield { header };
      continue;
    }
    let o: any;
    try {
      o = JSON.parse(text);
    } catch {
      throw new UserError('bundle_invalid', `${path} line ${line}: not valid JSON; the bundle is damaged, nothing was changed.`);
    }
    if (o?.op === 'put') {
      try {
        yield { line, op: { op: 'put', entry: validateEntry(o.entry) } };
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new UserError('bundle_invalid', `${path} line ${line}: ${(e as Error).message}; nothing was changed.`);
      }
    } else if (o?.op === 'del' && typeof o.id === 'string') {
      if (header.kind === 'snapshot') throw new UserError('bundle_invalid', `${path} line ${line}: a snapshot cannot delete entries; nothing was changed.`);
      yield { line, op: { op: 'del', id: o.id } };
    } else {
      throw new UserError('bundle_invalid', `${path} line ${line}: unknown operation (expected {"op":"put",...} or {"op":"del",...}); nothing was changed.`);
    }
  }
  if (!header) throw new UserError('bundle_invalid', `${path} is empty, not a watchlist bundle.`);
}
