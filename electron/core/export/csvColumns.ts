import type { InspectionRecord } from '../inspections/index';

/**
 * CSV columns, in order. Documented in docs/inspection-log.md; add at the end, never rename or reorder
 * (supervisors keep spreadsheet templates built on them).
 */
export const CSV_COLUMNS: ReadonlyArray<{ name: string; value: (r: InspectionRecord) => string | number | boolean | null }> = [
  { name: 'inspection_id', value: (r) => r.id },
  { name: 'chain_seq', value: (r) => r.seq },
  { name: 'time_utc', value: (r) => r.time },
  { name: 'site', value: (r) => r.site },
  { name: 'workstation', value: (r) => r.workstation },
  { name: 'officer', value: (r) => r.officer },
  { name: 'shift_id', value: (r) => r.shiftId },
  { name: 'source', value: (r) => r.document.source },
  { name: 'document_code', value: (r) => r.document.documentCode },
  { name: 'issuing_state', value: (r) => r.document.issuingState },
  { name: 'nationality', value: (r) => r.document.nationality },
  { name: 'surname', value: (r) => r.document.fields?.surname ?? null },
  { name: 'given_names', value: (r) => r.document.fields?.givenNames ?? null },
  { name: 'document_number', value: (r) => r.document.fields?.documentNumber ?? null },
  { name: 'birth_date', value: (r) => r.document.fields?.birthDate ?? null },
  { name: 'sex', value: (r) => r.document.fields?.sex ?? null },
  { name: 'expiry_date', value: (r) => r.document.fields?.expiryDate ?? null },
  { name: 'zone_valid', value: (r) => r.checks.zoneValid },
  { name: 'zone_errors', value: (r) => r.checks.zoneErrors.join(' ') },
  { name: 'expiry_check', value: (r) => r.checks.expiry },
  { name: 'watchlist_version', value: (r) => r.checks.watchlistVersion },
  { name: 'hit_count', value: (r) => r.checks.hitCount },
  { name: 'possible_count', value: (r) => r.checks.possibleCount },
  { name: 'top_score', value: (r) => r.checks.topScore },
  { name: 'hit_ids', value: (r) => (r.checks.hits ? r.checks.hits.map((h) => `${h.id}:${h.band}:${h.score}`).join(' ') : null) },
  { name: 'decision', value: (r) => r.decision },
  { name: 'reason', value: (r) => r.reason },
  { name: 'notes', value: (r) => r.notes },
  { name: 'read_at_utc', value: (r) => r.timings.readAt },
  { name: 'decided_at_utc', value: (r) => r.timings.decidedAt },
  { name: 'decision_ms', value: (r) => r.timings.ms },
  { name: 'corrects', value: (r) => r.corrects },
  { name: 'correction_reason', value: (r) => r.correctionReason },
  { name: 'corrected_by', value: (r) => r.correctedBy },
  { name: 'purged_at_utc', value: (r) => r.purgedAt },
  { name: 'record_hash', value: (r) => r.hash },
];

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Spreadsheets run cells that start with these as formulas (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would take for a formula gets a leading apostrophe (shown by
 * Excel/LibreOffice as plain text); numbers we produce are never negative, so they pass unchanged.
 */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  let s = v;
  if (FORMULA_START.test(s)) s = "'" + s;
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvLine(r: InspectionRecord): string {
  let line = '';
  for (let i = 0; i < CSV_COLUMNS.length; i++) {
    if (i) line += ',';
    line += csvCell(CSV_COLUMNS[i]!.value(r));
  }
  return line + '\r\n';
}

export const CSV_HEADER = CSV_COLUMNS.map((c) => c.name).join(',') + '\r\n';
