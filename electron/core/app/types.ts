import type { EventName } from '../../contract';
import type { CoreEvents } from './events';
import type { CallerContext, dispatch } from './dispatch';
import type { ScannerDriver, SimulatorDriver } from '../scanners';
import type { Auth } from '../auth';
import type { InspectionLog } from '../inspections';
import type { WatchlistStore } from '../watchlist';
import type { SyncService } from '../sync';
import type { Counter } from '../counter';
import type { ScannerStatusView } from '../../contract/schemas';

export interface ReaderEntry {
  driver: ScannerDriver;
  status: ScannerStatusView;
}

/**
 * The composition root: every domain service the screens use, created once per process (Electron main or
 * the browser harness), and the one `dispatch` both transports call.
 */
export interface CoreServices {
  dataDir: string;
  version: string;
  events: CoreEvents;
  auth: Auth;
  log: InspectionLog;
  watchlist: WatchlistStore;
  sync: SyncService;
  counter: Counter;
  /** The built-in simulated reader (demos, training, end-to-end tests); null when not enabled. */
  simulator: SimulatorDriver | null;
  readers: Map<string, ReaderEntry>;
  /** Closes and reopens the readers from the saved profiles (after a technician saves them). */
  reloadReaders(): Promise<void>;
  dispatch(channel: unknown, payload: unknown, caller: CallerContext): ReturnType<typeof dispatch>;
  /** Whether this caller may receive an event (traveller data only to roles that may see it). */
  mayReceive(event: EventName, caller: CallerContext): boolean;
  close(): Promise<void>;
}
