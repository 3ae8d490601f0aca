/** Opens the watchlist store in the shape sync needs (see listStore.ts). */
import { openWatchlist } from '../watchlist';
import type { ListStore } from './listStore';

export function openListStore(dataDir: string): ListStore {
  // Screening thresholds play no part in applying a list: a wrong screening.json must not stop a pull.
  return openWatchlist(dataDir, undefined, { badConfig: 'defaults' });
}
