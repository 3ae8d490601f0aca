import { z } from 'zod';

/**
 * The inspection record: what the officer saw, what the checks said, what the officer decided.
 * Field names are part of the IPC contract and of the CSV columns (docs/inspection-log.md): do not rename.
 */

const isoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time' });

export const documentSourceSchema = z.enum(['serial', 'hid', 'ocr', 'manual', 'simulator', 'folder']);
export type DocumentSource = z.output<typeof documentSourceSchema>;

export const decisionSchema = z.enum(['admit', 'refer', 'refuse']);
export type Decision = z.output<typeof decisionSchema>;

/** Document fields as read from the zone (or typed by the officer). All personal except code/states. */
export const documentFieldsSchema = z.object({
  documentCode: z.string().max(2),
  issuingState: z.string().max(3),
  nationality: z.string().max(3),
  surname: z.string().max(200),
  givenNames: z.string().max(200),
  documentNumber: z.string().max(20),
  birthDate: z.string().max(10),
  expiryDate: z.string().max(10),
  sex: z.enum(['M', 'F', 'X', '']),
  optionalData: z.string().max(64).default(''),
});
export type DocumentFields = z.output<typeof documentFieldsSchema>;

export const hitSchema = z.object({
  /** Watchlist entry id, e.g. `un:QDi.001`. */
  id: z.string().min(1).max(128),
  score: z.number().finite().min(0),
  band: z.enum(['hit', 'possible']),
});
export type RecordedHit = z.output<typeof hitSchema>;

export const checksSchema = z.object({
  /** All check digits and structure of the zone were correct. */
  zoneValid: z.boolean(),
  /** Machine codes of zone problems, e.g. `documentNumber:check_digit` (no personal data). */
  zoneErrors: z.array(z.string().max(64)).max(20).default([]),
  expiry: z.enum(['valid', 'expired', 'unknown']),
  /** Watchlist version screened against; null when no list was loaded (the officer was told). */
  watchlistVersion: z.number().int().nonnegative().nullable(),
  hits: z.array(hitSchema).max(50).default([]),
});
export type Checks = z.output<typeof checksSchema>;

const decisionFields = {
  decision: decisionSchema,
  /** Short category the supervisor reads, e.g. "watchlist hit confirmed". Kept after retention. */
  reason: z.string().max(200).default(''),
  /** Free text; may name people, so it is purged with the personal fields. */
  notes: z.string().max(2000).default(''),
};

/** A referral or refusal must say why: the supervisor signs it off and the traveller may appeal. */
function requireReasonForAdverse(v: { decision: Decision; reason: string; notes: string }, ctx: z.RefinementCtx) {
  if (v.decision === 'admit') return;
  if (v.reason.trim() === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: `a reason is required to ${v.decision}` });
  if (v.notes.trim() === '') ctx.addIssue({ code: 'custom', path: ['notes'], message: `notes are required to ${v.decision}` });
}

export const inspectionInputSchema = z
  .object({
    /** When the record is made (normally the decision time). */
    time: isoTime,
    workstation: z.string().min(1).max(64),
    officer: z.string().min(1).max(64),
    shiftId: z.string().min(1).max(64),
    site: z.string().min(1).max(64),
    document: z.object({ source: documentSourceSchema, fields: documentFieldsSchema }),
    checks: checksSchema,
    ...decisionFields,
    timings: z.object({ readAt: isoTime, decidedAt: isoTime }),
  })
  .superRefine((v, ctx) => {
    requireReasonForAdverse(v, ctx);
    if (Date.parse(v.timings.decidedAt) < Date.parse(v.timings.readAt)) {
      ctx.addIssue({ code: 'custom', path: ['timings', 'decidedAt'], message: 'decision time is before the document was read' });
    }
  });
export type InspectionInput = z.input<typeof inspectionInputSchema>;
export type ValidInspection = z.output<typeof inspectionInputSchema>;

/** A correction is a new record that supersedes an earlier one; the original stays in the log. */
export const correctionInputSchema = z
  .object({
    /** Who corrects (officer or supervisor username). */
    actor: z.string().min(1).max(64),
    /** Why the record is being corrected; required, shown next to both records. */
    correctionReason: z.string().trim().min(1).max(500),
    time: isoTime.optional(),
    ...decisionFields,
    /** Corrected document fields (e.g. a mistyped manual entry); omitted = unchanged. */
    documentFields: documentFieldsSchema.optional(),
  })
  .superRefine(requireReasonForAdverse);
export type CorrectionInput = z.input<typeof correctionInputSchema>;

/** An inspection as read back. `document.fields` and `notes` are null once personal data is purged. */
export interface InspectionRecord {
  id: string;
  /** Position of its entry in the audit chain. */
  seq: number;
  time: string;
  workstation: string;
  officer: string;
  shiftId: string;
  site: string;
  document: {
    source: DocumentSource;
    documentCode: string;
    issuingState: string;
    nationality: string;
    /** Null after retention purge. */
    fields: DocumentFields | null;
  };
  checks: {
    zoneValid: boolean;
    zoneErrors: string[];
    expiry: 'valid' | 'expired' | 'unknown';
    watchlistVersion: number | null;
    hitCount: number;
    possibleCount: number;
    topScore: number | null;
    /** Null after retention purge (the hit ids say who the traveller may be). */
    hits: RecordedHit[] | null;
  };
  decision: Decision;
  reason: string;
  notes: string | null;
  timings: { readAt: string; decidedAt: string; ms: number };
  /** Id of the record this one corrects, if any. */
  corrects: string | null;
  correctionReason: string | null;
  /** Id of the newer record that corrects this one, if any. */
  correctedBy: string | null;
  purgedAt: string | null;
  hash: string;
}

/** What field a correction changed, with the value before and after (null: purged or absent). */
export interface FieldChange {
  field: 'time' | 'decision' | 'reason' | 'notes' | keyof DocumentFields;
  from: string | null;
  to: string | null;
}

/**
 * One version of an inspection: the original, or a correction of the version before it. `actor` and
 * `at` come from the version's own audit-chain entry (a correction's actor is the person who corrected,
 * not the officer of the original).
 */
export interface RecordVersion {
  record: InspectionRecord;
  actor: string;
  at: string;
  /** Against the version before; empty for the original. */
  changes: FieldChange[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  actor: string;
  /** Inspection id for inspection entries, otherwise null. */
  ref: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Set when only part of the chain was checked (the entries behind a shift report). */
  range?: { fromSeq: number; toSeq: number };
  /** Chain entries checked. */
  checked: number;
  /** Hash and position of the last entry (quote it on paper to anchor the chain). */
  head: { seq: number; hash: string } | null;
  firstBroken?: { seq: number; reason: string };
  /**
   * Whole-chain checks only: the end of the chain against the head anchored outside the database
   * (inspections.head, and a head the supervisor kept, if given). `behind`: the database has entries
   * the head file does not yet name (the crash window; not a fault). `missing`: no head file (a data
   * folder from before head files; it is written with the next entry), so a cut-off tail cannot be seen.
   */
  anchor?: {
    status: 'match' | 'behind' | 'missing' | 'truncated' | 'rewritten' | 'unreadable';
    recorded: { seq: number; hash: string } | null;
    /** Result of checking the head given with `--expect-head`. */
    expected?: { seq: number; hash: string; status: 'match' | 'behind' | 'truncated' | 'rewritten' };
  };
}

export const shiftFilterSchema = z.object({
  from: isoTime,
  to: isoTime,
  officer: z.string().min(1).max(64).optional(),
  site: z.string().min(1).max(64).optional(),
  /** Include records that a later correction superseded (default false: what counts is the latest). */
  includeSuperseded: z.boolean().optional(),
  /** Only referrals, refusals and records with a hit or possible match. */
  notableOnly: z.boolean().optional(),
});
export type ShiftFilter = z.input<typeof shiftFilterSchema>;

export interface OfficerSummary {
  officer: string;
  total: number;
  admit: number;
  refer: number;
  refuse: number;
  hits: number;
  avgDecisionMs: number | null;
}

export interface Dashboard {
  from: string;
  to: string;
  total: number;
  /** Inspections per hour over the period. */
  throughputPerHour: number;
  decisions: { admit: number; refer: number; refuse: number };
  /** Inspections with at least one `hit` band match, and with only `possible` matches. */
  hits: number;
  possibleHits: number;
  invalidZones: number;
  expired: number;
  avgDecisionMs: number | null;
  watchlistVersions: number[];
  perOfficer: OfficerSummary[];
}

/** Actions the audit chain knows. Other domains append with these names (list updates, config, scanner). */
export const AUDIT_ACTIONS = [
  'inspection.record',
  'inspection.correct',
  'auth.login',
  'auth.loginFailed',
  'auth.lockout',
  'auth.logout',
  'auth.idleLock',
  'auth.unlock',
  'auth.passwordChanged',
  'users.add',
  'users.update',
  'config.change',
  'scanner.profileChange',
  'watchlist.update',
  'export.shift',
  /** A supervisor opened a record's personal data (access is itself evidence). */
  'record.view',
  'log.verify',
  'retention.purge',
  'log.migrate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
