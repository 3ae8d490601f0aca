import type { CoreServices } from './types';
import type { SyncStatusView } from '../../contract/schemas';

/** The setting that names the reader profile in use at this counter. */
export const ACTIVE_READER_SETTING = 'scanner.active';

/** Sync status as the technician and officer screens show it. */
export function syncStatusView(services: CoreServices): SyncStatusView {
  const s = services.sync.status();
  return { ...s, running: services.sync.pulling, nextAttemptAt: services.sync.nextAttemptAt?.toISOString() ?? null };
}
