/** Opens the watchlist store in the shape sync needs (see listStore.ts). */
import { openWatchlist } from '../watchlist';
import type { ListStore } from './listStore';

export function openListStore(dataDir: string): ListStore {
  return openWatchlist(dataDir);
}
