import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../app/errors';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock file holding the owner's pid, so two pulls (the app's scheduler and a technician's
 * CLI) or two publishes never interleave. A lock left by a killed process is taken over.
 */
export function acquireLock(path: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          /* already removed */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path, 'utf8').trim());
      } catch {
        /* vanished meanwhile: retry */
      }
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new UserError('sync_busy', `Another ${what} is already running (process ${owner}). Wait for it to finish and try again.`);
      }
      try {
        unlinkSync(path);
      } catch {
        /* someone else took it over */
      }
    }
  }
  throw new UserError('sync_busy', `Could not take the ${what} lock (${path}). Try again.`);
}
