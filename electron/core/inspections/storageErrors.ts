import { UserError } from '../app/errors';

/**
 * Turns SQLite's failures into what the officer and technician need to hear. The message always says
 * whether the decision was kept, so nobody assumes a record exists that does not.
 */
export function storageError(e: unknown, what: string): Error {
  if (e instanceof UserError) return e;
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_FULL') {
    return new UserError('disk_full', `${what} was NOT saved: the disk holding the inspection log is full. Keep the traveller's document, note the decision on paper and call the technician to free space.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new UserError('log_readonly', `${what} was NOT saved: the inspection log cannot be written (read-only disk or permissions). Note the decision on paper and call the technician.`);
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new UserError('log_unavailable', `${what} failed: the inspection log file cannot be opened (missing folder, permissions or read-only disk). Call the technician; run \`checkpoint doctor\`.`);
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new UserError('log_busy', `${what} was NOT saved: the inspection log is locked by another program. Try again; if it persists, call the technician.`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new UserError('log_corrupt', `${what} failed: the inspection log file is damaged. Do not delete it; call the technician (keep the file as evidence).`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new UserError('disk_error', `${what} was NOT saved: the disk reported an error (${code}). Note the decision on paper and call the technician.`);
  }
  return e instanceof Error ? e : new Error(String(e));
}
