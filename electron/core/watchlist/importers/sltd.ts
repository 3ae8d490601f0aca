/**
 * Lost and stolen travel documents (Interpol SLTD style) as CSV:
 * `document_number,issuing_state,document_type,reported_date`, issuing state as ICAO code.
 */
import { UserError } from '../../app/errors';
import { countryCode } from '../countries';
import type { DocumentEntry } from '../types';
import { CsvSyntaxError, readCsv } from './csv';
import type { ParsedRow } from './row';

const REQUIRED = ['document_number', 'issuing_state', 'document_type', 'reported_date'];

export function* readSltdCsv(path: string, source = 'sltd'): Generator<ParsedRow> {
  let cols: Map<string, number> | null = null;
  for (const rec of readCsv(path)) {
    if (rec instanceof CsvSyntaxError) {
      yield { line: rec.line, error: rec.message };
      continue;
    }
    if (!cols) {
      cols = new Map(rec.fields.map((f, i) => [f.trim().toLowerCase(), i]));
      const missing = REQUIRED.filter((c) => !cols!.has(c));
      if (missing.length) throw new UserError('import_bad_header', `${path} line ${rec.line}: not a lost/stolen documents CSV (missing column ${missing.join(', ')}). Expected header: ${REQUIRED.join(',')}.`);
      continue;
    }
    const get = (c: string) => (rec.fields[cols!.get(c)!] ?? '').trim();
    const number = get('document_number');
    const state = get('issuing_state').toUpperCase();
    const reported = get('reported_date');
    if (!number.replace(/[^A-Za-z0-9]/g, '')) {
      yield { line: rec.line, error: 'document_number is empty' };
      continue;
    }
    if (!/^[A-Z]{1,3}<{0,2}$/.test(state) || !countryCode(state)) {
      yield { line: rec.line, error: `issuing_state "${state}" is not an ICAO three-letter code` };
      continue;
    }
    if (reported && !/^\d{4}-\d{2}-\d{2}$/.test(reported)) {
      yield { line: rec.line, error: `reported_date "${reported}" is not YYYY-MM-DD` };
      continue;
    }
    const normalizedNumber = number.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const entry: DocumentEntry = {
      kind: 'document',
      id: `${source}:${state.replace(/</g, '')}:${normalizedNumber}`,
      source,
      documentNumber: normalizedNumber,
      issuingState: state.replace(/</g, ''),
      documentType: get('document_type').toUpperCase(),
      reportedDate: reported,
      reason: 'Reported lost or stolen',
      action: 'Retain the document; refer to secondary inspection',
    };
    yield { line: rec.line, entry };
  }
  if (!cols) throw new UserError('import_empty', `${path} is empty; expected a header ${REQUIRED.join(',')}.`);
}
