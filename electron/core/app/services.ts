import { ensureDataDir } from './dataDir';
import { CoreEvents } from './events';
import { dispatch, type AccessControl } from './dispatch';
import { createHandlers } from './handlers';
import { packageVersion } from './version';
import type { CoreServices, ReaderEntry } from './types';
import { createDriver, loadProfiles, SimulatorDriver, describeBytes, type ScannedDocument, type ScannerDriver, type ScannerProblem, type ScannerProfile } from '../scanners';
import { can, createAuth, IDLE_LOCK_SETTING, idleLockMinutesFrom } from '../auth';
import { openInspectionLog } from '../inspections';
import { openWatchlist } from '../watchlist';
import { auditListUpdate } from './listUpdateAudit';
import { createSyncService } from '../sync';
import { Counter } from '../counter';
import { closeImageReader, readImageZone } from './imageReads';
import { ACTIVE_READER_SETTING, syncStatusView } from './views';

export type { CoreServices } from './types';

export interface CoreServicesOptions {
  dataDir: string;
  /** Attach the simulated reader (harness, demos, training rooms). */
  simulator?: boolean;
  /** Start the watchlist sync scheduler (the app does; tests usually do not). */
  startSync?: boolean;
  /** Open the readers from the saved profiles (the app does; tests usually do not). */
  openReaders?: boolean;
}

/**
 * Creates every core service for one process. Electron main and the browser harness both call this, so
 * the screens see the same behaviour in both.
 */
export async function createCoreServices(opts: CoreServicesOptions): Promise<CoreServices> {
  const dataDir = ensureDataDir(opts.dataDir);
  const events = new CoreEvents();
  const log = openInspectionLog(dataDir);
  const idleLockMinutes = idleLockMinutesFrom(log.getSetting(IDLE_LOCK_SETTING));
  const auth = createAuth(log, { policy: idleLockMinutes === undefined ? {} : { idleLockMinutes } });
  // a wrong screening.json: screening goes on with the defaults, the technician's checklist says so
  const watchlist = openWatchlist(dataDir, undefined, { badConfig: 'defaults' });
  // The sync service applies bundles on a connection of its own, in slices: screening (on `watchlist`)
  // keeps answering from the previous list until the new one is committed.
  const sync = createSyncService(dataDir);
  const counter = new Counter({
    watchlist,
    log,
    listFreshness: () => ({ stale: sync.status().stale }),
  });
  const readers = new Map<string, ReaderEntry>();

  const attachReader = (readerId: string, label: string, driver: ScannerDriver) => {
    const entry: ReaderEntry = { driver, status: { readerId, label, state: 'connecting', message: '', code: null, params: {} } };
    readers.set(readerId, entry);
    driver.on('status', (s: { state: ReaderEntry['status']['state']; message?: string; code?: string; params?: Record<string, string | number> }) => {
      entry.status = { readerId, label, state: s.state, message: s.message ?? '', code: s.code ?? null, params: s.params ?? {} };
      events.emit('scanner.status', entry.status);
    });
    driver.on('raw', (r: { direction: 'in' | 'out'; bytes: Buffer; at: number }) => {
      const { hex, text } = describeBytes(r.bytes);
      events.emit('scanner.raw', { readerId, direction: r.direction, hex, text, at: r.at });
    });
    // Reader problems (noise, bad frames) are for the technician console, never a crash.
    driver.on('error', (p: ScannerProblem) => {
      events.emit('scanner.problem', { readerId, message: p.message, code: p.reason, params: p.params, suppressed: p.suppressed, at: Date.now() });
    });
    driver.on('document', (doc: ScannedDocument) => {
      const read = counter.check({ lines: doc.lines, mrz: doc.mrz, source: doc.source, readerId, receivedAt: doc.receivedAt });
      events.emit('traveller.read', read);
    });
    return driver;
  };

  let simulator: SimulatorDriver | null = null;
  if (opts.simulator) {
    simulator = new SimulatorDriver({ readerId: 'simulator' });
    attachReader('simulator', 'Simulator', simulator);
    await simulator.open();
  }

  const openProfileReaders = async () => {
    const activeId = log.getSetting(ACTIVE_READER_SETTING);
    const profiles: ScannerProfile[] = loadProfiles(dataDir).filter((p) => p.id === activeId);
    for (const profile of profiles) {
      const driver = createDriver(profile, { ocr: async () => ({ read: (image: Buffer | string) => readImageZone(image) }) });
      attachReader(profile.id, profile.name, driver);
      // A reader that is not plugged in yet reports `disconnected` and keeps retrying; it never blocks start-up.
      driver.open().catch(() => undefined);
    }
  };
  if (opts.openReaders) await openProfileReaders();

  const access: AccessControl = {
    sessionOf: (caller, activity) => (caller.sessionId ? auth.getSession(caller.sessionId, activity) : null),
    can: (session, permission) => can(session, permission),
  };

  const services: CoreServices = {
    dataDir,
    version: packageVersion(),
    events,
    auth,
    log,
    watchlist,
    sync,
    counter,
    simulator,
    readers,
    async reloadReaders() {
      for (const [id, r] of readers) {
        if (r.driver === simulator) continue;
        await r.driver.close().catch(() => undefined);
        r.driver.removeAllListeners();
        readers.delete(id);
      }
      await openProfileReaders();
    },
    dispatch: (channel, payload, caller) => dispatch(handlers, access, channel, payload, caller),
    mayReceive(event, caller) {
      const session = access.sessionOf(caller, false);
      if (!session || session.locked || session.mustChangePassword) return event === 'session.changed';
      switch (event) {
        case 'traveller.read':
          return can(session, 'inspection.record');
        case 'scanner.raw':
        case 'scanner.problem':
          return can(session, 'scanner.configure');
        case 'sync.status':
          return can(session, 'watchlist.status') || can(session, 'sync.manage');
        default:
          return true;
      }
    },
    async close() {
      sync.close();
      for (const { driver } of readers.values()) await driver.close().catch(() => undefined);
      await closeImageReader();
      watchlist.close();
      log.close();
    },
  };
  sync.on('status', () => events.emit('sync.status', syncStatusView(services)));
  sync.on('pulled', (r) => {
    if (!r.updated) return;
    try {
      auditListUpdate(log, 'sync', { how: 'pull', fromVersion: r.fromVersion, toVersion: r.listVersion, entryCount: r.entryCount, via: r.via });
    } catch {
      // The list is in use either way; a log that cannot be written shows on the officer's next decision.
    }
  });
  if (opts.startSync) sync.start();
  const handlers = createHandlers(services);
  return services;
}
