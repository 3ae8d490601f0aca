/**
 * Checks a list entry before it enters the store, so a malformed row is rejected with a reason
 * instead of becoming an entry nobody can match (or a crash at screening time).
 */
import type { DocumentEntry, PersonEntry, WatchlistEntry } from './types';

const str = (v: unknown): v is string => typeof v === 'string';
const strArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Returns the entry with defaults filled in, or throws an Error whose message says what is wrong. */
export function validateEntry(raw: unknown): WatchlistEntry {
  if (!raw || typeof raw !== 'object') throw new Error('entry is not an object');
  const e = raw as Record<string, unknown>;
  if (!str(e.id) || !e.id.trim()) throw new Error('entry has no id');
  if (e.id.length > 200) throw new Error('entry id longer than 200 characters');
  if (!str(e.source) || !e.source) throw new Error(`entry ${e.id}: no source`);
  if (e.kind === 'person') {
    if (!strArray(e.names) || !e.names.some((n) => n.trim())) throw new Error(`entry ${e.id}: a person needs at least one name`);
    const birthDates = e.birthDates ?? [];
    if (!strArray(birthDates)) throw new Error(`entry ${e.id}: birthDates must be a list of strings`);
    const bad = birthDates.find((d) => !DATE_RE.test(d));
    if (bad !== undefined) throw new Error(`entry ${e.id}: birth date "${bad}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    const nationalities = e.nationalities ?? [];
    if (!strArray(nationalities)) throw new Error(`entry ${e.id}: nationalities must be a list of strings`);
    const gender = e.gender ?? '';
    if (gender !== 'M' && gender !== 'F' && gender !== '') throw new Error(`entry ${e.id}: gender must be M, F or empty`);
    const documents = (e.documents ?? []) as unknown;
    if (!Array.isArray(documents) || !documents.every((d) => d && typeof d === 'object' && str((d as any).number)))
      throw new Error(`entry ${e.id}: documents must be a list of {number, issuingState, type}`);
    const p: PersonEntry = {
      kind: 'person',
      id: e.id,
      source: e.source,
      names: e.names.filter((n) => n.trim()),
      birthDates,
      nationalities,
      gender,
      reason: str(e.reason) ? e.reason : '',
      action: str(e.action) ? e.action : '',
      reference: str(e.reference) ? e.reference : '',
      documents: documents.map((d: any) => ({ number: d.number, issuingState: str(d.issuingState) ? d.issuingState : '', type: str(d.type) ? d.type : '' })),
    };
    return p;
  }
  if (e.kind === 'document') {
    if (!str(e.documentNumber) || !e.documentNumber.replace(/[^A-Za-z0-9]/g, '')) throw new Error(`entry ${e.id}: no document number`);
    if (!str(e.issuingState)) throw new Error(`entry ${e.id}: no issuing state`);
    const reportedDate = str(e.reportedDate) ? e.reportedDate : '';
    if (reportedDate && !/^\d{4}-\d{2}-\d{2}$/.test(reportedDate)) throw new Error(`entry ${e.id}: reported date "${reportedDate}" is not YYYY-MM-DD`);
    const d: DocumentEntry = {
      kind: 'document',
      id: e.id,
      source: e.source,
      documentNumber: e.documentNumber,
      issuingState: e.issuingState,
      documentType: str(e.documentType) ? e.documentType : '',
      reportedDate,
      reason: str(e.reason) ? e.reason : '',
      action: str(e.action) ? e.action : '',
    };
    return d;
  }
  throw new Error(`entry ${e.id}: kind must be "person" or "document"`);
}
