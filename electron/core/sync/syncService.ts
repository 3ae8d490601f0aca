/**
 * The app's list scheduler: pulls every `intervalMinutes` (with ±10% jitter so a fleet of workstations
 * does not hit headquarters in step), backs off exponentially with full jitter after failures (capped at
 * the interval), and emits the status after every attempt and whenever the list turns stale.
 */
import { EventEmitter } from 'node:events';
import { UserError } from '../app/errors';
import type { ListStore } from './listStore';
import { pullWatchlist, type PullProgress, type PullResult } from './pull';
import { loadSyncConfig, saveSyncConfig, type SyncConfig, type SyncConfigInput } from './syncConfig';
import { readSyncStatus, type SyncStatus } from './syncStatus';

export interface SyncServiceDeps {
  /** The watchlist store screening uses (one connection per database per process). */
  openStore: () => ListStore;
  /** True when openStore opens a connection only this service uses (closed by close()). */
  ownsStore?: boolean;
  /** Timer functions; tests pass their own. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  now?: () => Date;
}

export interface SyncServiceEvents {
  status: [SyncStatus];
  pulled: [PullResult];
  progress: [PullProgress];
}

/** First retry after a failure; doubles per consecutive failure up to the normal interval. */
export const BACKOFF_BASE_MS = 60_000;
const STALE_CHECK_MS = 60_000;

export class SyncService extends EventEmitter<SyncServiceEvents> {
  private config: SyncConfig;
  private store: ListStore | null = null;
  private timer: unknown = null;
  private staleTimer: unknown = null;
  private running: Promise<PullResult> | null = null;
  private failures = 0;
  private started = false;
  private lastStale: boolean | null = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (h: unknown) => void;
  private readonly random: () => number;
  private readonly now: () => Date;
  /** Delay chosen for the next scheduled pull, in ms (for the technician screen and tests). */
  nextDelayMs: number | null = null;
  /** When the next scheduled pull will run, or null when none is scheduled. */
  nextAttemptAt: Date | null = null;

  constructor(
    readonly dataDir: string,
    private readonly deps: SyncServiceDeps,
  ) {
    super();
    this.config = loadSyncConfig(dataDir);
    this.setTimer =
      deps.setTimer ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        t.unref?.();
        return t;
      });
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? (() => new Date());
  }

  private openStore(): ListStore {
    this.store ??= this.deps.openStore();
    return this.store;
  }

  /** True while a pull is running (the technician screen shows it). */
  get pulling(): boolean {
    return this.running !== null;
  }

  settings(): SyncConfig {
    return this.config;
  }

  /** Validates and stores new settings, then reschedules with them. */
  configure(changes: Partial<SyncConfigInput>): SyncConfig {
    this.config = saveSyncConfig(this.dataDir, changes);
    if (this.started) this.schedule(this.config.intervalMinutes * 60_000);
    this.emitStatus();
    return this.config;
  }

  status(): SyncStatus {
    let store: ListStore | null = null;
    try {
      store = this.openStore();
    } catch {
      /* status still reports the last known state */
    }
    return readSyncStatus(this.dataDir, store, { now: this.now(), staleAfterHours: this.config.staleAfterHours });
  }

  private emitStatus(): void {
    const s = this.status();
    this.lastStale = s.stale;
    this.emit('status', s);
  }

  /** Pulls now (a technician's "update now", or the schedule). Concurrent calls share one pull. */
  pullNow(): Promise<PullResult> {
    if (this.running) return this.running;
    const run = (async () => {
      try {
        const result = await pullWatchlist({
          dataDir: this.dataDir,
          store: this.openStore(),
          onProgress: (p) => this.emit('progress', p),
        });
        this.failures = 0;
        this.emit('pulled', result);
        return result;
      } catch (e) {
        this.failures++;
        throw e instanceof UserError ? e : new UserError('sync_failed', 'The list pull failed unexpectedly.');
      } finally {
        this.running = null;
        this.emitStatus();
        if (this.started) this.schedule(this.delayAfterAttempt());
      }
    })();
    this.running = run;
    return run;
  }

  /** The interval ±10% after a success; after n failures a random delay up to min(interval, base·2^(n-1)). */
  delayAfterAttempt(): number {
    const interval = this.config.intervalMinutes * 60_000;
    if (this.failures === 0) return Math.round(interval * (0.9 + 0.2 * this.random()));
    const cap = Math.min(interval, BACKOFF_BASE_MS * 2 ** Math.min(this.failures - 1, 20));
    // Full jitter, but never below a few seconds so a dead server is not hammered.
    return Math.max(5_000, Math.round(cap * this.random()));
  }

  private schedule(ms: number): void {
    if (this.timer) this.clearTimer(this.timer);
    this.nextDelayMs = ms;
    this.nextAttemptAt = new Date(this.now().getTime() + ms);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.pullNow().catch(() => {
        /* recorded in the status; the next attempt is already scheduled */
      });
    }, ms);
  }

  private watchStaleness(): void {
    this.staleTimer = this.setTimer(() => {
      if (!this.started) return;
      const s = this.status();
      if (s.stale !== this.lastStale) {
        this.lastStale = s.stale;
        this.emit('status', s);
      }
      this.watchStaleness();
    }, STALE_CHECK_MS);
  }

  /** Starts the schedule: a first pull after a short random delay (up to 30 s), then every interval. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.emitStatus();
    this.schedule(Math.round(30_000 * this.random()));
    this.watchStaleness();
  }

  /** Stops scheduling; a pull already running finishes (it is one transaction) but schedules nothing more. */
  stop(): void {
    this.started = false;
    if (this.timer) this.clearTimer(this.timer);
    if (this.staleTimer) this.clearTimer(this.staleTimer);
    this.timer = null;
    this.staleTimer = null;
    this.nextDelayMs = null;
    this.nextAttemptAt = null;
  }

  /** Stops, and closes the store if the service opened it itself. */
  close(): void {
    this.stop();
    if (this.deps.ownsStore) this.store?.close?.();
    this.store = null;
  }
}
