import type { EventEmitter } from 'node:events';
import type { MrzResult } from '../mrz/types';

export type ScannerSource = 'serial' | 'hid' | 'folder' | 'simulator';

/** One document as the reader delivered it: the zone lines and what the MRZ parser made of them. */
export interface ScannedDocument {
  lines: string[];
  /** Parsed zone. Bad check digits stay bad: `mrz.valid` is false and the officer sees a bad read. */
  mrz: MrzResult;
  source: ScannerSource;
  /** The profile id of the reader that produced it. */
  readerId: string;
  /** Epoch milliseconds when the last byte of the document arrived (for folders: when the file settled). */
  receivedAt: number;
  /** The data-page image, when the reader (hot folder) provided one; the path is in `processed/`. */
  image?: { path: string };
}

export type ScannerState = 'connecting' | 'connected' | 'disconnected' | 'error';

/**
 * Every code a reader status can carry: the screens say the status in their language from it (the
 * English `message` stays for the CLI and logs).
 */
export const SCANNER_STATUS_CODES = [
  'not_opened',
  'looking',
  'closed',
  'connected',
  'connected_hid',
  'unplugged',
  'not_found_serial',
  'not_found_hid',
  'hid_list_failed',
  'hid_open_failed',
  'hid_open_failed_keyboard',
  'no_permission',
  'no_permission_admin',
  'port_busy',
  'open_failed',
  'folder_watching',
  'folder_ready',
  'folder_stopped',
  'folder_missing',
  'folder_access',
  'ocr_down',
  'simulator_ready',
  'simulator_closed',
] as const;
export type ScannerStatusCode = (typeof SCANNER_STATUS_CODES)[number];

export interface ScannerStatus {
  state: ScannerState;
  /** A sentence a person can act on, e.g. "Reader on /dev/ttyUSB0 disconnected: check the cable." */
  message: string;
  /** The same status as a code with the values its sentence names (paths, device ids, the system's error text). */
  code: ScannerStatusCode;
  params: Record<string, string | number>;
  at: number;
}

/** Bytes on the wire, for the technician console. `out` = written to the reader. */
export interface RawTraffic {
  direction: 'in' | 'out';
  bytes: Buffer;
  at: number;
}

/**
 * Something the reader sent that is not a document (garbage, a truncated frame, a wrong block check,
 * a zone that does not parse) or a device problem. Never contains zone text (personal data).
 */
export class ScannerProblem extends Error {
  readonly code: ScannerProblemCode;
  /** How many similar problems were suppressed since the last one was reported (flood control). */
  suppressed = 0;
  constructor(
    code: ScannerProblemCode,
    message: string,
    /** The sentence as a code with the values it names, for translated screens (the English stays in `message`). */
    readonly reason: ReaderProblemReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ScannerProblem';
    this.code = code;
  }
}

/**
 * Every sentence a reader problem, a test read or a hot-folder failure can carry: the screens say it in
 * their language from `readerProblem.<reason>` with its params (never zone text: personal data).
 */
export const READER_PROBLEM_CODES = [
  // framing (serial, HID, simulator)
  'frame_restarted',
  'frame_too_many_lines',
  'frame_empty',
  'frame_no_etx',
  'frame_cut',
  'stray_bytes_frame',
  'line_too_long',
  'too_many_lines',
  'block_cut',
  'block_bad_length',
  'block_not_optical',
  'block_no_etx',
  'block_bad_bcc',
  'block_empty',
  'stray_bytes_block',
  'hid_report_length',
  'send_failed',
  // what was read is not a zone
  'not_zone_lines',
  'not_zone_length',
  'not_zone_chars',
  'not_zone_unparsed',
  'not_zone_format',
  // hot folder
  'folder_scan_failed',
  'folder_ocr_down',
  'folder_image_no_zone',
  'folder_image_unreadable',
  'folder_image_unread',
  'folder_not_scan',
  'folder_text_unreadable',
  'folder_no_ocr',
  'folder_reason_file',
  'folder_move_failed',
  // test read
  'test_no_document',
  'test_open_failed',
] as const;
export type ReaderProblemReason = (typeof READER_PROBLEM_CODES)[number];

export type ScannerProblemCode =
  | 'garbage'
  | 'truncated_frame'
  | 'bad_block_check'
  | 'bad_length'
  | 'overflow'
  | 'not_a_zone'
  | 'device'
  | 'permission'
  | 'file'
  | 'ocr';

export interface ScannerDriverEvents {
  document: [ScannedDocument];
  status: [ScannerStatus];
  raw: [RawTraffic];
  error: [ScannerProblem];
}

/**
 * One reader behind one interface, whatever the transport. `open()` starts reading and keeps
 * reconnecting until `close()`; it resolves after the first connection attempt, whether or not the
 * reader was there (watch `status`). `error` events are only emitted when someone listens, so an
 * unattended driver never crashes the process.
 */
export interface ScannerDriver extends EventEmitter {
  readonly readerId: string;
  readonly source: ScannerSource;
  readonly status: ScannerStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Sends the profile's `trigger` writes (readers that read on command); absent when the transport has none. */
  trigger?(): Promise<void>;
  /**
   * At most one problem report per problem kind in this many ms (default 1000: 10 MB of noise must not
   * flood the technician's console). 0 reports every problem (`checkpoint scanners listen`: one line per error).
   */
  problemWindowMs: number;
  on<K extends keyof ScannerDriverEvents>(event: K, listener: (...args: ScannerDriverEvents[K]) => void): this;
  once<K extends keyof ScannerDriverEvents>(event: K, listener: (...args: ScannerDriverEvents[K]) => void): this;
  off<K extends keyof ScannerDriverEvents>(event: K, listener: (...args: ScannerDriverEvents[K]) => void): this;
}

/** Parser signature (the MRZ domain's `parseMrz`), injectable for tests. */
export type ParseZone = (lines: string[]) => MrzResult;

/** Reads the zone off a data-page image (the OCR domain's `createMrzReader()`), injected into the hot folder. */
export interface ImageZoneReader {
  read(pathOrBuffer: string | Buffer): Promise<unknown>;
  close?(): Promise<void>;
}
