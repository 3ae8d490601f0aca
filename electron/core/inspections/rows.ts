import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical';
import type { DocumentFields, InspectionRecord, RecordedHit, ValidInspection } from './types';

/** One row of `inspections` as stored (version-1 columns plus later additions). */
export interface InspectionRow {
  id: string;
  seq: number;
  time: number;
  workstation: string;
  officer: string;
  shift_id: string;
  site: string;
  source: string;
  doc_code: string;
  issuing_state: string;
  nationality: string;
  zone_valid: number;
  zone_errors: string;
  expiry_check: string;
  watchlist_version: number | null;
  hit_count: number;
  possible_count: number;
  top_score: number | null;
  decision: string;
  reason: string;
  read_at: number;
  decided_at: number;
  corrects: string | null;
  correction_reason: string | null;
  personal: string | null;
  personal_salt: Buffer | null;
  personal_digest: string;
  content_hash: string;
  purged_at?: number | null;
}

/** What retention removes: everything that says who the traveller is. */
export interface PersonalPart {
  fields: DocumentFields;
  notes: string;
  hits: RecordedHit[];
}

/**
 * The personal part is hashed with a random per-record salt: while the data is held, the digest
 * proves it unchanged; after the purge deletes data and salt, the digest that stays in the chain can no
 * longer be used to test "was this person here?" by guessing names and numbers.
 */
export function personalDigest(personalText: string, salt: Buffer): string {
  return createHash('sha256').update(salt).update(personalText, 'utf8').digest('hex');
}

/** The content the chain vouches for: every non-personal column plus the personal digest. */
export function contentHash(r: Omit<InspectionRow, 'seq' | 'content_hash' | 'personal' | 'personal_salt' | 'purged_at'>): string {
  // Keys written in sorted order with primitive values: JSON.stringify then gives exactly the
  // canonical JSON (see canonical.ts), without sorting 24 keys per record on 100k-row checks.
  return sha256Hex(
    JSON.stringify({
      correctionReason: r.correction_reason,
      corrects: r.corrects,
      decidedAt: r.decided_at,
      decision: r.decision,
      docCode: r.doc_code,
      expiry: r.expiry_check,
      hitCount: r.hit_count,
      id: r.id,
      issuingState: r.issuing_state,
      nationality: r.nationality,
      officer: r.officer,
      personalDigest: r.personal_digest,
      possibleCount: r.possible_count,
      readAt: r.read_at,
      reason: r.reason,
      shiftId: r.shift_id,
      site: r.site,
      source: r.source,
      time: r.time,
      topScore: r.top_score,
      watchlistVersion: r.watchlist_version,
      workstation: r.workstation,
      zoneErrors: r.zone_errors,
      zoneValid: r.zone_valid,
    }),
  );
}

/** Builds the row for a validated inspection (seq is filled in by the writer). */
export function rowFromInspection(
  id: string,
  v: ValidInspection,
  corrects: string | null = null,
  correctionReason: string | null = null,
): Omit<InspectionRow, 'seq'> {
  const hits = v.checks.hits;
  const top = hits.reduce<number | null>((m, h) => (m === null || h.score > m ? h.score : m), null);
  const personal: PersonalPart = { fields: v.document.fields, notes: v.notes, hits };
  const personalText = canonicalJson(personal);
  const salt = randomBytes(16);
  const base = {
    id,
    time: Date.parse(v.time),
    workstation: v.workstation,
    officer: v.officer,
    shift_id: v.shiftId,
    site: v.site,
    source: v.document.source,
    doc_code: v.document.fields.documentCode,
    issuing_state: v.document.fields.issuingState,
    nationality: v.document.fields.nationality,
    zone_valid: v.checks.zoneValid ? 1 : 0,
    zone_errors: JSON.stringify(v.checks.zoneErrors),
    expiry_check: v.checks.expiry,
    watchlist_version: v.checks.watchlistVersion,
    hit_count: hits.filter((h) => h.band === 'hit').length,
    possible_count: hits.filter((h) => h.band === 'possible').length,
    top_score: top,
    decision: v.decision,
    reason: v.reason,
    read_at: Date.parse(v.timings.readAt),
    decided_at: Date.parse(v.timings.decidedAt),
    corrects,
    correction_reason: correctionReason,
    personal: personalText,
    personal_salt: salt,
    personal_digest: personalDigest(personalText, salt),
  };
  return { ...base, content_hash: contentHash(base) };
}

function parsePersonal(text: string | null): PersonalPart | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as PersonalPart;
  } catch {
    return null;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function recordFromRow(r: Omit<InspectionRow, 'personal_salt' | 'personal_digest'> & { corrected_by?: string | null }): InspectionRecord {
  const p = parsePersonal(r.personal);
  let zoneErrors: string[] = [];
  if (r.zone_errors !== '[]') {
    try {
      zoneErrors = JSON.parse(r.zone_errors) as string[];
    } catch {
      zoneErrors = [];
    }
  }
  return {
    id: r.id,
    seq: r.seq,
    time: iso(r.time),
    workstation: r.workstation,
    officer: r.officer,
    shiftId: r.shift_id,
    site: r.site,
    document: {
      source: r.source as InspectionRecord['document']['source'],
      documentCode: r.doc_code,
      issuingState: r.issuing_state,
      nationality: r.nationality,
      fields: p?.fields ?? null,
    },
    checks: {
      zoneValid: r.zone_valid === 1,
      zoneErrors,
      expiry: r.expiry_check as InspectionRecord['checks']['expiry'],
      watchlistVersion: r.watchlist_version,
      hitCount: r.hit_count,
      possibleCount: r.possible_count,
      topScore: r.top_score,
      hits: p?.hits ?? null,
    },
    decision: r.decision as InspectionRecord['decision'],
    reason: r.reason,
    notes: p?.notes ?? null,
    timings: { readAt: iso(r.read_at), decidedAt: iso(r.decided_at), ms: r.decided_at - r.read_at },
    corrects: r.corrects,
    correctionReason: r.correction_reason,
    correctedBy: r.corrected_by ?? null,
    purgedAt: r.purged_at ? iso(r.purged_at) : null,
    hash: r.content_hash,
  };
}
