/**
 * Source files to list entries, without touching a store (the sync publisher builds bundles from these).
 * Every parser yields one row per source record: an entry, a rejection with its line, or a skip.
 */
import { UserError } from '../../app/errors';
import type { ImportFormat, WatchlistEntry } from '../types';
import { validateEntry } from '../validate';
import { readBundle } from './bundle';
import { readOfacCsv } from './ofac';
import { readFtm, readOpenSanctionsCsv } from './opensanctions';
import { readSltdCsv } from './sltd';
import { readUnXml } from './unXml';

import type { ParsedRow } from './row';
export type { ParsedRow } from './row';

export const IMPORT_FORMATS: ImportFormat[] = ['bundle', 'opensanctions-csv', 'ftm', 'un-xml', 'ofac-csv', 'sltd-csv'];

export interface SourceEntries {
  entries: WatchlistEntry[];
  rejected: { line: number; message: string }[];
  skipped: number;
}

function* bundleRows(path: string): Generator<ParsedRow> {
  for (const item of readBundle(path)) if ('op' in item && item.op.op === 'put') yield { line: item.line, entry: item.op.entry };
}

function rowsOf(format: ImportFormat, path: string): Generator<ParsedRow> {
  switch (format) {
    case 'bundle':
      return bundleRows(path);
    case 'opensanctions-csv':
      return readOpenSanctionsCsv(path);
    case 'ftm':
      return readFtm(path);
    case 'un-xml':
      return readUnXml(path);
    case 'ofac-csv':
      return readOfacCsv(path);
    case 'sltd-csv':
      return readSltdCsv(path);
    default:
      throw new UserError('bad_format', `Unknown list format "${String(format)}". Use one of: ${IMPORT_FORMATS.join(', ')}.`);
  }
}

/** Parses a whole source file. Throws UserError when the file is not of that format at all. */
export function readSourceEntriesSync(format: ImportFormat, path: string): SourceEntries {
  const out: SourceEntries = { entries: [], rejected: [], skipped: 0 };
  const seen = new Map<string, number>();
  for (const row of rowsOf(format, path)) {
    if ('skipped' in row) out.skipped++;
    else if ('error' in row) out.rejected.push({ line: row.line, message: row.error });
    else {
      let entry: WatchlistEntry;
      try {
        entry = validateEntry(row.entry);
      } catch (e) {
        out.rejected.push({ line: row.line, message: (e as Error).message });
        continue;
      }
      const prev = seen.get(entry.id);
      if (prev !== undefined) {
        out.rejected.push({ line: row.line, message: `duplicate id ${entry.id} (first on line ${prev})` });
        continue;
      }
      seen.set(entry.id, row.line);
      out.entries.push(entry);
    }
  }
  return out;
}

/** Same as readSourceEntriesSync; the name other domains use. */
export const readSourceEntries = readSourceEntriesSync;
