import { EventEmitter } from 'node:events';
import { interpretZone } from './zone';
import {
  ScannerProblem,
  type ParseZone,
  type ReaderProblemReason,
  type ScannedDocument,
  type ScannerDriver,
  type ScannerProblemCode,
  type ScannerSource,
  type ScannerState,
  type ScannerStatus,
  type ScannerStatusCode,
} from './types';

/** At most one problem report per code per second: 10 MB of noise must not flood the technician console. */
const PROBLEM_WINDOW_MS = 1000;

/** What every driver shares: status, raw traffic, problem flood control, zone -> document. */
export abstract class BaseDriver extends EventEmitter implements ScannerDriver {
  status: ScannerStatus = { state: 'disconnected', message: 'Reader not opened yet.', code: 'not_opened', params: {}, at: Date.now() };
  problemWindowMs = PROBLEM_WINDOW_MS;
  private lastProblemAt = new Map<ScannerProblemCode, number>();
  private suppressed = new Map<ScannerProblemCode, number>();

  constructor(
    readonly readerId: string,
    readonly source: ScannerSource,
    protected readonly parse: ParseZone,
  ) {
    super();
  }

  abstract open(): Promise<void>;
  abstract close(): Promise<void>;

  protected setStatus(state: ScannerState, message: string, code: ScannerStatusCode, params: Record<string, string | number> = {}): void {
    if (this.status.state === state && this.status.message === message) return;
    this.status = { state, message, code, params, at: Date.now() };
    this.emit('status', this.status);
  }

  protected emitRaw(direction: 'in' | 'out', bytes: Buffer, at = Date.now()): void {
    if (this.listenerCount('raw') > 0) this.emit('raw', { direction, bytes, at });
  }

  protected reportProblem(code: ScannerProblemCode, message: string, reason: ReaderProblemReason, params: Record<string, string | number> = {}): void {
    const now = Date.now();
    const last = this.lastProblemAt.get(code);
    if (last !== undefined && now - last < this.problemWindowMs) {
      this.suppressed.set(code, (this.suppressed.get(code) ?? 0) + 1);
      return;
    }
    this.lastProblemAt.set(code, now);
    const p = new ScannerProblem(code, message, reason, params);
    p.suppressed = this.suppressed.get(code) ?? 0;
    this.suppressed.delete(code);
    // An EventEmitter throws on an unhandled 'error': a reader sending noise must never crash the app.
    if (this.listenerCount('error') > 0) this.emit('error', p);
  }

  /** Turns decoded lines into a document, or a problem when they are not a zone. Returns the document. */
  protected deliverZone(lines: string[], receivedAt: number, extra: Partial<ScannedDocument> = {}): ScannedDocument | null {
    const outcome = interpretZone(lines, this.parse);
    if (!outcome.ok) {
      this.reportProblem(outcome.problem.code, outcome.problem.message, outcome.problem.reason, outcome.problem.params);
      return null;
    }
    const doc: ScannedDocument = { lines: outcome.lines, mrz: outcome.mrz, source: this.source, readerId: this.readerId, receivedAt, ...extra };
    this.emit('document', doc);
    return doc;
  }
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
