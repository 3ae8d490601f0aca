import { z } from 'zod';
import type { ChannelName, EventName } from './channelNames';
import type { AuditEntry, Dashboard, FieldChange, InspectionRecord, RecordVersion, VerifyResult } from '../core/inspections/types';
import type { ReasonCode } from '../core/watchlist/types';

/** A message as a code with parameters: the screens translate the code and fall back to the English text. */
export interface CodedMessage {
  code: string;
  params: Record<string, string | number>;
}

/** A record with its chain entries and later corrections (supervisor detail view). */
export interface InspectionDetail {
  record: InspectionRecord;
  audit: AuditEntry[];
  corrections: InspectionRecord[];
  /** Every version from the original to the latest correction: who, when, what changed. */
  history: RecordVersion[];
}

/**
 * Request and response schemas per channel, and payload schemas per event. The core validates every
 * request against these before a handler runs (requests are bounded so a hostile renderer cannot make
 * the core chew megabytes); responses come from the trusted core and are typed, not re-validated.
 */

const mrzIssue = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.number(),
  position: z.number(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const mrzResultSchema = z.object({
  format: z.enum(['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB']).nullable(),
  documentCode: z.string(),
  issuingState: z.string(),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  documentNumber: z.string(),
  birthDate: z.string(),
  expiryDate: z.string(),
  sex: z.enum(['M', 'F', 'X', '']),
  optionalData: z.string(),
  valid: z.boolean(),
  errors: z.array(mrzIssue),
  warnings: z.array(mrzIssue),
  lines: z.array(z.string()),
  repairs: z.array(z.object({ line: z.number(), position: z.number(), from: z.string(), to: z.string() })).optional(),
});
export type MrzView = z.output<typeof mrzResultSchema>;

export const roleSchema = z.enum(['officer', 'supervisor', 'technician', 'admin']);
export type Role = z.output<typeof roleSchema>;

/** What the screen knows about who is signed in (no secrets, no session id). */
export interface Session {
  username: string;
  role: Role;
  displayName: string;
  site: string | null;
  mustChangePassword: boolean;
  locked: boolean;
  /** Minutes of inactivity before the screen locks. */
  idleLockMinutes: number;
}

/** Workstation policy an administrator sets. */
export interface PolicyView {
  /** Minutes of inactivity before any screen locks (0.1–240). */
  idleLockMinutes: number;
  /** Days after which records lose their personal fields (1–3650). */
  retentionDays: number;
}

export interface ScannerStatusView {
  readerId: string;
  label: string;
  state: 'connecting' | 'connected' | 'disconnected' | 'error';
  /** A sentence a person can act on, e.g. "Reader on /dev/ttyUSB0 disconnected: check the cable". */
  message: string;
  /** `message` as a code with parameters (see `SCANNER_STATUS_CODES`); null before the driver reported. */
  code: string | null;
  params: Record<string, string | number>;
}

export interface WatchlistStatusView {
  version: number | null;
  publishedAt: string | null;
  /** Hours since the version in use was published; null when no list is loaded. */
  ageHours: number | null;
  stale: boolean;
  staleAfterHours: number;
  persons: number;
  documents: number;
}

export interface HitView {
  id: string;
  score: number;
  band: 'hit' | 'possible';
  reasons: string[];
  /** `reasons` as codes with parameters, for the translated hit panel. */
  reasonCodes: ReasonCode[];
  /** Shown in the hit panel. */
  entryKind: 'person' | 'document';
  names: string[];
  birthDates: string[];
  nationalities: string[];
  documentNumber: string;
  issuingState: string;
  source: string;
  reason: string;
  action: string;
  reference: string;
}

export type CheckState = 'pass' | 'warn' | 'fail' | 'unknown';

/** Everything the officer needs about one document read, computed in the core. */
export interface TravellerRead {
  /** Opaque id; the decision refers to it, so the renderer cannot alter what gets recorded. */
  readId: string;
  source: 'serial' | 'hid' | 'folder' | 'simulator' | 'manual' | 'ocr';
  readerId: string;
  lines: string[];
  mrz: MrzView;
  /** Whole years, null when the birth date is unknown. */
  age: number | null;
  checks: {
    /** `errors`/`warnings` are the core's English sentences; `*Codes` the same issues, in order, as codes (message id in `code`, plus `field`, `line`, `position` in params). */
    zone: { state: CheckState; errors: string[]; warnings: string[]; errorCodes: CodedMessage[]; warningCodes: CodedMessage[] };
    expiry: { state: CheckState; daysLeft: number | null };
    age: { state: CheckState; minor: boolean };
    watchlist: { state: CheckState; version: number | null; stale: boolean; hits: HitView[]; ms: number };
  };
  /** PNG data: URLs of the zone and portrait crops when the read came from an image. */
  images: { zone?: string; portrait?: string };
  /** ms epoch when the reader's last byte (or the image) arrived. */
  receivedAt: number;
  /** ms epoch when the core finished parsing and screening. */
  checkedAt: number;
}

export interface ShiftCounters {
  from: string;
  total: number;
  admit: number;
  refer: number;
  refuse: number;
  hits: number;
}

export interface SyncStatusView {
  version: number | null;
  publishedAt: string | null;
  checkedAt: string | null;
  lastError: string | null;
  /** `lastError`'s code (`UserError` code), translated on screen as `error.<code>`. */
  lastErrorCode: string | null;
  stale: boolean;
  running: boolean;
  nextAttemptAt: string | null;
}

export interface SyncConfigView {
  url: string | null;
  rootPath: string | null;
  intervalMinutes: number;
  staleAfterHours: number;
}

export interface DoctorCheckView {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** `warn`: a set-up step still to do, not a fault (see DoctorCheck) */
  level?: 'warn';
  /** `<check>.<outcome>` with the values `detail` names, for the translated checklist (English stays in `detail`). */
  code: string;
  params: Record<string, string | number>;
}

export interface DeviceListView {
  serial: Array<{ path: string; vendorId?: string; productId?: string; manufacturer?: string; serialNumber?: string }>;
  hid: Array<{ vendorId: number; productId: number; product?: string; manufacturer?: string; usagePage?: number; usage?: number; path?: string }>;
  /** `code` is said as `devices.problem.<code>` in the screen's language; `message` is the English sentence. */
  problems: Array<{ code: string; params: Record<string, string>; message: string }>;
}

/** A reader problem (noise, a bad frame, a hot-folder scan that failed) for the technician console. */
export interface ReaderProblemView {
  readerId: string;
  /** The core's English sentence (CLI, logs, fallback). */
  message: string;
  /** `READER_PROBLEM_CODES` entry with the values it names; said on screen as `readerProblem.<code>`. */
  code: string;
  params: Record<string, string | number>;
  /** Similar problems not shown since the last one (flood control). */
  suppressed: number;
  at: number;
}

export interface RawTrafficView {
  readerId: string;
  direction: 'in' | 'out';
  hex: string;
  text: string;
  at: number;
}

export interface UserView {
  username: string;
  role: Role;
  displayName: string;
  site: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
}

const empty = z.object({}).strict();
const isoTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');
const username = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(256);
const shiftRange = { from: isoTime, to: isoTime, officer: username.optional() };
/** A page photo for OCR: 15 MB of base64 at most (about 11 MB of image). */
const imageBase64 = z.string().min(1).max(15 * 1024 * 1024);

const res = <T>() => z.custom<T>(() => true);

export const contract = {
  'app.info': {
    request: empty,
    /** `setupNeeded`: no account exists yet, the screen shows the first-run set-up instead of the sign-in. */
    response: z.object({ version: z.string(), transport: z.enum(['electron', 'harness']), platform: z.string(), workstation: z.string(), setupNeeded: z.boolean() }),
  },
  'session.current': { request: empty, response: res<Session | null>() },
  'auth.login': { request: z.object({ username, password }).strict(), response: res<Session>() },
  'setup.firstAdmin': {
    request: z.object({ username, password, displayName: z.string().max(100).optional() }).strict(),
    response: res<Session>(),
  },
  'auth.logout': { request: empty, response: res<{ ok: true }>() },
  'auth.changePassword': { request: z.object({ currentPassword: password, newPassword: password }).strict(), response: res<Session>() },
  'auth.lock': { request: empty, response: res<Session>() },
  'auth.unlock': { request: z.object({ password }).strict(), response: res<Session>() },
  'session.touch': { request: empty, response: res<Session | null>() },
  'scanner.status': { request: empty, response: res<ScannerStatusView[]>() },
  'watchlist.status': { request: empty, response: res<WatchlistStatusView>() },

  'mrz.parse': { request: z.object({ text: z.string().max(4096), correct: z.boolean().optional() }).strict(), response: mrzResultSchema },
  'traveller.manualEntry': { request: z.object({ text: z.string().min(1).max(4096) }).strict(), response: res<TravellerRead>() },
  'traveller.readImage': {
    request: z.object({ name: z.string().max(255), dataBase64: imageBase64 }).strict(),
    response: res<TravellerRead>(),
  },
  'traveller.current': { request: empty, response: res<TravellerRead | null>() },
  /** The officer sent the traveller away undecided (Esc): the core forgets the read; deciding on it is refused. */
  'traveller.discard': { request: z.object({ readId: z.string().min(1).max(64) }).strict(), response: res<{ discarded: boolean }>() },
  'inspection.decide': {
    request: z
      .object({
        readId: z.string().min(1).max(64),
        decision: z.enum(['admit', 'refer', 'refuse']),
        reason: z.string().max(200).default(''),
        notes: z.string().max(2000).default(''),
      })
      .strict(),
    response: res<{ id: string; seq: number; counters: ShiftCounters }>(),
  },
  'inspection.myShift': { request: empty, response: res<ShiftCounters>() },

  'inspection.dashboard': { request: z.object({ from: isoTime, to: isoTime }).strict(), response: res<Dashboard>() },
  'inspection.search': {
    request: z
      .object({
        ...shiftRange,
        decision: z.enum(['admit', 'refer', 'refuse']).optional(),
        hitsOnly: z.boolean().optional(),
        /** Document number or name fragment. */
        text: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    response: res<{ records: InspectionRecord[]; truncated: boolean }>(),
  },
  'inspection.get': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: res<InspectionDetail>() },
  'log.verify': { request: empty, response: res<VerifyResult>() },
  'export.shift': {
    request: z.object({ ...shiftRange, format: z.enum(['csv', 'pdf']) }).strict(),
    response: res<{ fileName: string; mimeType: string; dataBase64: string; sha256: string; rows: number }>(),
  },

  'scanner.devices': { request: empty, response: res<DeviceListView>() },
  'scanner.profiles.get': { request: empty, response: res<{ profiles: unknown[]; active: string | null; defaults: unknown[] }>() },
  'scanner.profiles.save': {
    request: z.object({ profiles: z.array(z.record(z.string(), z.unknown())).max(32), active: z.string().max(40).nullable() }).strict(),
    response: res<{ profiles: unknown[]; active: string | null }>(),
  },
  'scanner.simulate': {
    request: z.object({ specimen: z.string().max(32).optional(), lines: z.array(z.string().max(128)).max(3).optional() }).strict(),
    response: res<{ emitted: boolean }>(),
  },
  'scanner.testRead': {
    request: z.object({ profile: z.record(z.string(), z.unknown()), seconds: z.number().int().min(1).max(60).default(10) }).strict(),
    /** `problem` is `error` as a code with its values (`readerProblem.<code>`), null when a document came. */
    response: res<{ lines: string[]; mrz: MrzView | null; raw: RawTrafficView[]; error: string | null; problem: { code: string; params: Record<string, string | number> } | null }>(),
  },
  'sync.status': { request: empty, response: res<SyncStatusView>() },
  'sync.pullNow': { request: empty, response: res<SyncStatusView>() },
  'sync.config.get': { request: empty, response: res<SyncConfigView>() },
  'sync.config.set': {
    request: z
      .object({
        url: z.string().max(2048).nullable().optional(),
        rootPath: z.string().max(4096).nullable().optional(),
        intervalMinutes: z.number().int().min(5).max(1440).optional(),
        staleAfterHours: z.number().positive().max(8760).optional(),
      })
      .strict(),
    response: res<SyncConfigView>(),
  },
  'doctor.run': { request: empty, response: res<DoctorCheckView[]>() },

  'users.list': { request: empty, response: res<UserView[]>() },
  'users.add': {
    request: z.object({ username, role: roleSchema, password, displayName: z.string().max(100).optional(), site: z.string().max(64).nullable().optional() }).strict(),
    response: res<UserView>(),
  },
  'policy.get': { request: empty, response: res<PolicyView>() },
  'policy.set': {
    request: z
      .object({
        idleLockMinutes: z.number().min(0.1).max(240).optional(),
        retentionDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    response: res<PolicyView>(),
  },
} satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'traveller.read': res<TravellerRead>(),
  'scanner.status': res<ScannerStatusView>(),
  'scanner.raw': res<RawTrafficView>(),
  'scanner.problem': res<ReaderProblemView>(),
  'sync.status': res<SyncStatusView>(),
  'session.changed': res<Session | null>(),
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** A request after schema parsing (defaults applied): what handlers receive. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
export type { AuditEntry, Dashboard, FieldChange, InspectionRecord, RecordVersion, VerifyResult };
