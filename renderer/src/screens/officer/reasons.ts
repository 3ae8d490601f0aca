import type { MessageKey } from '../../i18n';

export type Decision = 'admit' | 'refer' | 'refuse';

/**
 * Reason categories: stored as these stable codes (the log and the CSV must not change with the
 * officer's language) and shown translated on every screen.
 */
export const REASONS: Record<Decision, string[]> = {
  admit: ['false_match', 'supervisor_cleared', 'other'],
  refer: ['watchlist_hit', 'document_doubt', 'identity_doubt', 'invalid_zone', 'purpose_of_travel', 'other'],
  refuse: ['watchlist_hit', 'expired_document', 'forged_document', 'no_visa', 'entry_ban', 'other'],
};

export function reasonKey(code: string): MessageKey | null {
  const all = new Set(Object.values(REASONS).flat());
  return all.has(code) ? (`reason.${code}` as MessageKey) : null;
}
