import type { EventName, Session, ScannerStatusView } from '../../contract';
import type { CoreEvents } from './events';
import type { CallerContext, dispatch } from './dispatch';
import type { SimulatorDriver, ScannerDriver } from '../scanners';

/**
 * The composition root: every domain service the screens use, created once per process (Electron main or
 * the browser harness), and the one `dispatch` both transports call.
 */
export interface CoreServices {
  dataDir: string;
  version: string;
  events: CoreEvents;
  /** The built-in simulated reader (demos, training, end-to-end tests, technician test reads). */
  simulator: SimulatorDriver;
  readers: Map<string, { driver: ScannerDriver; status: ScannerStatusView }>;
  dispatch(channel: unknown, payload: unknown, caller: CallerContext): ReturnType<typeof dispatch>;
  /** Whether a session may receive an event (traveller data only to roles that may see it). */
  mayReceive(event: EventName, session: Session | null): boolean;
  close(): Promise<void>;
}
