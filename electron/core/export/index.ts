import { basename } from 'node:path';
import { UserError } from '../app/errors';
import type { InspectionLog, ShiftFilter } from '../inspections/index';
import { AtomicHashedFile } from './atomicFile';
import { CSV_COLUMNS, CSV_HEADER, csvLine } from './csvColumns';
import { renderShiftSummary } from './pdfSummary';

export { CSV_COLUMNS, csvCell } from './csvColumns';

export interface ExportOptions {
  /** Who asked (username); written to the audit chain with the file's hash. */
  actor?: string;
  now?: () => Date;
}

export interface ExportResult {
  path: string;
  format: 'csv' | 'pdf';
  /** Inspections in the file (CSV) or summarised (PDF). */
  rows: number;
  bytes: number;
  sha256: string;
  /** Chain entry recording the export. */
  auditSeq: number;
}

function describeFilter(f: ShiftFilter) {
  return { from: f.from, to: f.to, officer: f.officer ?? null, site: f.site ?? null };
}

/**
 * The file is only given its final name after its hash is in the audit chain: an export that exists
 * under its name is always one the chain knows about.
 */
function finishExport(log: InspectionLog, file: AtomicHashedFile, format: 'csv' | 'pdf', rows: number, filter: ShiftFilter, actor: string): ExportResult {
  const sha256 = file.finish();
  let auditSeq: number;
  try {
    auditSeq = log.appendAudit('export.shift', actor, { format, rows, bytes: file.bytes, sha256, file: basename(file.outPath), filter: describeFilter(filter) }).seq;
  } catch (e) {
    file.abort();
    throw e;
  }
  file.commit();
  return { path: file.outPath, format, rows, bytes: file.bytes, sha256, auditSeq };
}

/** UTF-8 with BOM, CRLF, one row per inspection (latest version of corrected ones), columns in CSV_COLUMNS. */
export async function exportShiftCsv(log: InspectionLog, filter: ShiftFilter, outPath: string, opts: ExportOptions = {}): Promise<ExportResult> {
  const records = log.iterateShift(filter); // validates the filter before a file is created
  const file = new AtomicHashedFile(outPath);
  let rows = 0;
  try {
    let buf = '\uFEFF' + CSV_HEADER;
    for (const r of records) {
      buf += csvLine(r);
      rows++;
      if (buf.length > 1 << 20) {
        file.write(buf);
        buf = '';
      }
    }
    file.write(buf);
  } catch (e) {
    file.abort();
    throw e instanceof UserError ? e : new UserError('export_failed', 'The export could not be completed; nothing was exported. Try again or call the technician.');
  }
  return finishExport(log, file, 'csv', rows, filter, opts.actor ?? 'system');
}

/** A printable shift summary: counts by decision, per officer, list versions, chain status, adverse decisions. */
export async function exportShiftPdf(log: InspectionLog, filter: ShiftFilter, outPath: string, opts: ExportOptions = {}): Promise<ExportResult> {
  const dashboard = log.dashboard(filter);
  // The chain behind this period's records (linked to the entry before them); `log verify` checks it all.
  const range = log.seqRange(filter);
  const chain = range ? log.verifyChain(range) : log.verifyChain({ fromSeq: 1, toSeq: 0 });
  const now = (opts.now ?? (() => new Date()))();
  const file = new AtomicHashedFile(outPath);
  const notableRecords = () => log.iterateShift({ ...filter, notableOnly: true });
  try {
    await renderShiftSummary(
      {
        title: 'Checkpoint shift summary',
        period: { from: dashboard.from, to: dashboard.to },
        officerFilter: filter.officer,
        siteFilter: filter.site,
        generatedAt: now.toISOString(),
        generatedBy: opts.actor ?? 'system',
        dashboard,
        chain,
        notable: notableRecords(),
      },
      (chunk) => file.write(chunk),
    );
  } catch (e) {
    file.abort();
    throw e instanceof UserError ? e : new UserError('export_failed', 'The PDF summary could not be produced; nothing was exported. Try again or call the technician.');
  }
  return finishExport(log, file, 'pdf', dashboard.total, filter, opts.actor ?? 'system');
}
