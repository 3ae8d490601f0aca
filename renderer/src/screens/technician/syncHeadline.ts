import type { SyncStatusView } from '../../../../electron/contract';
import type { MessageKey } from '../../i18n';

export type SyncHeadlineState = 'running' | 'no_list' | 'stale_failed' | 'stale' | 'failed' | 'fresh';

/**
 * The sync tab's one-line state, from the whole status: "up to date" only when a list is in use, it is
 * within its age limit, and the last pull did not fail (the doctor's link and age lines say the same).
 */
export function syncHeadline(s: Pick<SyncStatusView, 'running' | 'version' | 'stale' | 'lastError'>): { state: SyncHeadlineState; icon: string; key: MessageKey; tone: 'ok' | 'warn' | 'bad' | 'muted' } {
  if (s.running) return { state: 'running', icon: '', key: 'sync.running', tone: 'muted' };
  if (s.version === null) return { state: 'no_list', icon: '✖', key: 'sync.headline.noList', tone: 'bad' };
  if (s.stale && s.lastError) return { state: 'stale_failed', icon: '⚠', key: 'sync.headline.staleFailed', tone: 'bad' };
  if (s.stale) return { state: 'stale', icon: '⚠', key: 'sync.stale', tone: 'warn' };
  if (s.lastError) return { state: 'failed', icon: '⚠', key: 'sync.headline.failed', tone: 'warn' };
  return { state: 'fresh', icon: '✔', key: 'sync.fresh', tone: 'ok' };
}
