import { ensureDataDir } from './dataDir';
import { CoreEvents } from './events';
import { dispatch, type PermissionCheck } from './dispatch';
import type { CoreServices } from './types';
export type { CoreServices } from './types';
import { createHandlers } from './handlers';
import type { ScannerStatusView } from '../../contract';
import { SimulatorDriver, type ScannerDriver, type ScannedDocument } from '../scanners';
import { packageVersion } from './version';

export interface CoreServicesOptions {
  dataDir: string;
}


export async function createCoreServices(opts: CoreServicesOptions): Promise<CoreServices> {
  const dataDir = ensureDataDir(opts.dataDir);
  const events = new CoreEvents();
  const readers = new Map<string, { driver: ScannerDriver; status: ScannerStatusView }>();

  const attachReader = (readerId: string, label: string, driver: ScannerDriver) => {
    const entry = { driver, status: { readerId, label, state: 'connecting' as const, message: '' } as ScannerStatusView };
    readers.set(readerId, entry);
    driver.on('status', (s: { state: ScannerStatusView['state']; message?: string }) => {
      entry.status = { readerId, label, state: s.state, message: s.message ?? '' };
      events.emit('scanner.status', entry.status);
    });
    driver.on('document', (doc: ScannedDocument) => {
      events.emit('scanner.document', {
        readerId,
        source: doc.source,
        lines: doc.lines,
        mrz: doc.mrz,
        receivedAt: doc.receivedAt,
      });
    });
    return driver;
  };

  const simulator = new SimulatorDriver({ readerId: 'simulator' });
  attachReader('simulator', 'Simulator', simulator);
  await simulator.open();

  // Until accounts exist every signed-in check fails closed; the auth domain supplies the real check.
  const can: PermissionCheck = () => false;

  const services: CoreServices = {
    dataDir,
    version: packageVersion(),
    events,
    simulator,
    readers,
    dispatch: (channel, payload, caller) => dispatch(handlers, can, channel, payload, caller),
    mayReceive(_event, _session) {
      return true;
    },
    async close() {
      for (const { driver } of readers.values()) await driver.close();
    },
  };
  const handlers = createHandlers(services);
  return services;
}
