import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, exportShiftCsv } from '../../../electron/core/export/index';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from '../inspections/fixtures';

/** RFC 4180 reader, written independently of the exporter: what a spreadsheet does with the bytes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) throw new Error('file does not end with CRLF');
  return rows;
}

let t: ReturnType<typeof tempDir>;
let log: InspectionLog;
const DAY = { from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' };
beforeEach(() => {
  t = tempDir('cp-export-');
  log = openInspectionLog(t.dir);
});
afterEach(() => {
  log.close();
  t.cleanup();
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, CRLF, the documented header and one row per inspection', async () => {
    for (let i = 0; i < 12; i++) log.recordInspection(sampleInspection(i));
    const out = join(t.dir, 'shift.csv');
    const r = await exportShiftCsv(log, DAY, out, { actor: 'sup.x' });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(13);
    expect(r.rows).toBe(12);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('surname')]).toBe('ERIKSSON0');
    expect(rows[1]![col('decision')]).toBe('refer');
    expect(rows[1]![col('hit_ids')]).toBe('un:QDi.001:hit:0.93');
    expect(rows[1]![col('decision_ms')]).toBe('20000');
  });

  it('quotes commas, quotes and line breaks, keeps non-Latin text, and defuses formulas', async () => {
    const nasty = [
      { reason: '=HYPERLINK("http://evil","click")', notes: 'Жанна Иванова, "VIP"\r\nsecond line' },
      { reason: '+1+2', notes: '-2+3' },
      { reason: '@SUM(A1:A9)', notes: '\tcmd' },
    ];
    nasty.forEach((n, i) => log.recordInspection(sampleInspection(i * 10, n)));
    const out = join(t.dir, 'nasty.csv');
    await exportShiftCsv(log, DAY, out);
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    const reason = rows[0]!.indexOf('reason');
    const notes = rows[0]!.indexOf('notes');
    expect(rows.slice(1).map((r) => [r[reason], r[notes]])).toEqual([
      ["'=HYPERLINK(\"http://evil\",\"click\")", 'Жанна Иванова, "VIP"\r\nsecond line'],
      ["'+1+2", "'-2+3"],
      ["'@SUM(A1:A9)", "'\tcmd"],
    ]);
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('cells: numbers and booleans plain, null empty, leading/trailing spaces quoted', () => {
    expect(csvCell(0.93)).toBe('0.93');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(' A')).toBe('" A"');
    expect(csvCell('a"b')).toBe('"a""b"');
  });

  it('records the SHA-256 of exactly the bytes written in the audit chain', async () => {
    log.recordInspection(sampleInspection(1));
    const out = join(t.dir, 'a.csv');
    const r = await exportShiftCsv(log, { ...DAY, officer: 'officer.b' }, out, { actor: 'sup.x' });
    const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(r.sha256).toBe(sha);
    expect(log.recentAudit(1)[0]).toMatchObject({
      seq: r.auditSeq,
      action: 'export.shift',
      actor: 'sup.x',
      details: { format: 'csv', rows: 1, sha256: sha, file: 'a.csv', filter: { from: DAY.from, to: DAY.to, officer: 'officer.b', site: null } },
    });
    expect(log.verifyChain().ok).toBe(true);
  });

  it('leaves purged personal columns empty and keeps the rest', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    log.close();
    log = openInspectionLog(t.dir, { now: () => now });
    log.recordInspection(sampleInspection(0));
    log.purgePersonalData(90, 'admin');
    const out = join(t.dir, 'p.csv');
    await exportShiftCsv(log, DAY, out);
    const [head, row] = parseCsv(readFileSync(out, 'utf8').slice(1));
    const get = (n: string) => row![head!.indexOf(n)];
    expect([get('surname'), get('document_number'), get('notes'), get('hit_ids')]).toEqual(['', '', '', '']);
    expect([get('decision'), get('nationality'), get('hit_count'), get('purged_at_utc')]).toEqual(['refer', 'UTO', '1', now.toISOString()]);
  });

  it('a folder that does not exist: clear error, no file, nothing in the chain', async () => {
    log.recordInspection(sampleInspection(0));
    const before = log.verifyChain().checked;
    await expect(exportShiftCsv(log, DAY, join(t.dir, 'missing', 'x.csv'))).rejects.toThrow(/folder .* does not exist/);
    expect(log.verifyChain().checked).toBe(before);
    await expect(exportShiftCsv(log, { from: 'x', to: DAY.to }, join(t.dir, 'y.csv'))).rejects.toThrow(/filter is not valid/);
    expect(existsSync(join(t.dir, 'y.csv'))).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
