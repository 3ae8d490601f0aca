import PDFDocument from 'pdfkit';
import anyAscii from 'any-ascii';
import type { Dashboard, InspectionRecord, VerifyResult } from '../inspections/index';

export interface SummaryInput {
  title: string;
  period: { from: string; to: string };
  officerFilter?: string;
  siteFilter?: string;
  generatedAt: string;
  generatedBy: string;
  dashboard: Dashboard;
  chain: VerifyResult;
  /** Referrals, refusals and any record with a hit, in time order. */
  notable: Iterable<InspectionRecord>;
}

/**
 * The built-in PDF fonts speak Latin-1 only; anything beyond is transliterated (Ж -> Zh) rather than
 * printed as garbage. Names from the zone are already A-Z.
 */
const printable = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]+/g, (m) => anyAscii(m));
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

const A4_MARGIN = 40;
const LINE = 13;

/** Renders the printable shift summary; calls `sink` with each chunk of the PDF as it is produced. */
export function renderShiftSummary(input: SummaryInput, sink: (chunk: Buffer) => void): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    compress: true,
    info: { Title: printable(input.title), Author: printable(input.generatedBy), Subject: 'Checkpoint shift summary', CreationDate: new Date(input.generatedAt) },
  });
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Buffer) => {
      try {
        sink(c);
      } catch (e) {
        reject(e);
      }
    });
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const left = A4_MARGIN;
  const bottom = doc.page.height - A4_MARGIN;
  let y = A4_MARGIN;
  // Font changes and pdfkit's line wrapper are the costly parts of a long table: switch font only when
  // it changes, and place pre-clipped cells without a width (no wrapping pass).
  let font = '';
  let size = 0;
  const text = (s: string, x: number, opts: { bold?: boolean; size?: number; width?: number } = {}) => {
    const f = opts.bold ? 'Helvetica-Bold' : 'Helvetica';
    if (f !== font) doc.font((font = f));
    if ((opts.size ?? 9) !== size) doc.fontSize((size = opts.size ?? 9));
    const maxChars = Math.floor((opts.width ?? 515) / (size * 0.5));
    doc.text(clip(printable(s), Math.max(4, maxChars)), x, y, { lineBreak: false });
  };
  const newline = (h = LINE) => {
    y += h;
    if (y > bottom - LINE) {
      doc.addPage();
      font = '';
      size = 0;
      y = A4_MARGIN;
    }
  };
  const heading = (s: string) => {
    newline(8);
    text(s, left, { bold: true, size: 12 });
    newline(18);
  };
  const row = (cells: Array<[string, number, number?]>, bold = false) => {
    for (const [s, x, w] of cells) text(s, left + x, { bold, width: w ?? 120 });
    newline();
  };

  const d = input.dashboard;
  text(input.title, left, { bold: true, size: 16 });
  newline(24);
  row([['Period (UTC)', 0], [`${input.period.from}  to  ${input.period.to}`, 110, 400]]);
  if (input.siteFilter) row([['Site', 0], [input.siteFilter, 110, 400]]);
  if (input.officerFilter) row([['Officer', 0], [input.officerFilter, 110, 400]]);
  row([['Generated', 0], [`${input.generatedAt} by ${input.generatedBy}`, 110, 400]]);
  row([['Watchlist versions', 0], [d.watchlistVersions.length ? d.watchlistVersions.join(', ') : 'none recorded', 110, 400]]);
  const c = input.chain;
  row([
    ['Audit chain', 0],
    [
      c.ok
        ? c.range
          ? c.checked
            ? `verified: entries ${c.range.fromSeq}-${c.range.toSeq} behind these records intact`
            : 'no records in this period'
          : `verified: ${c.checked} entries intact`
        : `BROKEN at entry ${c.firstBroken?.seq}: ${c.firstBroken?.reason}`,
      110,
      400,
    ],
  ], !c.ok);
  if (c.head) row([['Chain head', 0], [`entry ${c.head.seq}  ${c.head.hash}`, 110, 420]]);

  heading('Decisions');
  row([['Inspections', 0], [String(d.total), 160]]);
  row([['Admitted', 0], [String(d.decisions.admit), 160]]);
  row([['Referred to secondary', 0], [String(d.decisions.refer), 160]]);
  row([['Refused', 0], [String(d.decisions.refuse), 160]]);
  row([['Watchlist hits', 0], [String(d.hits), 160]]);
  row([['Possible matches only', 0], [String(d.possibleHits), 160]]);
  row([['Invalid zones', 0], [String(d.invalidZones), 160]]);
  row([['Expired documents', 0], [String(d.expired), 160]]);
  row([['Throughput', 0], [`${d.throughputPerHour.toFixed(1)} per hour`, 160]]);
  row([['Average read-to-decision', 0], [d.avgDecisionMs === null ? '-' : `${(d.avgDecisionMs / 1000).toFixed(1)} s`, 160]]);

  heading('Per officer');
  const officerHeader = () =>
    row([['Officer', 0, 150], ['Total', 160, 50], ['Admit', 215, 50], ['Refer', 270, 50], ['Refuse', 325, 50], ['Hits', 380, 50], ['Avg s', 435, 60]], true);
  officerHeader();
  for (const o of d.perOfficer) {
    row([
      [clip(o.officer, 30), 0, 150],
      [String(o.total), 160, 50],
      [String(o.admit), 215, 50],
      [String(o.refer), 270, 50],
      [String(o.refuse), 325, 50],
      [String(o.hits), 380, 50],
      [o.avgDecisionMs === null ? '-' : (o.avgDecisionMs / 1000).toFixed(1), 435, 60],
    ]);
  }

  heading('Referrals, refusals and hits');
  // One monospaced line per record: a long shift runs to thousands of lines, and one text call per
  // line instead of one per cell keeps a 100,000-inspection summary within seconds.
  const cols = (cells: Array<[string, number]>) => cells.map(([v, w]) => clip(printable(v), w).padEnd(w)).join(' ');
  const listLine = (line: string, bold = false) => {
    const f = bold ? 'Courier-Bold' : 'Courier';
    if (f !== font) doc.font((font = f));
    if (size !== 8) doc.fontSize((size = 8));
    // Courier is fixed-pitch (600/1000 em) and unkerned: give pdfkit the width so it does not measure
    // every line glyph by glyph (a third of the time on a 100,000-inspection summary).
    doc.text(line, left, y, { lineBreak: false, textWidth: line.length * 0.6 * 8, wordCount: 1 } as PDFKit.Mixins.TextOptions);
    newline(11);
  };
  const listHeader = () => listLine(cols([['Time (UTC)', 16], ['Officer', 14], ['Decision', 8], ['Document', 20], ['Hits', 4], ['Reason', 40]]), true);
  listHeader();
  let listed = 0;
  for (const r of input.notable) {
    const docLabel = `${r.document.documentCode} ${r.document.issuingState} ${r.document.fields?.documentNumber ?? '(purged)'}`;
    const hits = r.checks.hitCount ? String(r.checks.hitCount) : r.checks.possibleCount ? `${r.checks.possibleCount}?` : '';
    const yBefore = y;
    listLine(cols([[r.time.slice(0, 16).replace('T', ' '), 16], [r.officer, 14], [r.decision, 8], [docLabel, 20], [hits, 4], [r.reason + (r.corrects ? ' (correction)' : ''), 40]]));
    if (y < yBefore) listHeader(); // new page: repeat the column names
    listed++;
  }
  if (listed === 0) row([['None in this period.', 0, 300]]);

  newline(10);
  text('Each export is recorded in the audit chain with the SHA-256 of this file. Verify with `checkpoint log verify`.', left, { size: 8 });
  doc.end();
  return done;
}
