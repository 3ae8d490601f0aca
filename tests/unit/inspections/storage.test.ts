import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserError, UserError } from '../../../electron/core/app/errors';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

/**
 * A real small filesystem when we may mount one (root on Linux, as on the CI runner and the
 * workstation image build); otherwise the unprivileged equivalents below.
 */
function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function mountedDir(size: string): { dir: string; mounted: boolean } {
  const t = tempDir();
  const dir = join(t.dir, 'data');
  mkdirSync(dir);
  const mounted = tryMountTmpfs(dir, size);
  cleanups.push(() => {
    if (mounted) execFileSync('umount', ['-l', dir]);
    t.cleanup();
  });
  return { dir, mounted };
}

function expectNotSaved(log: InspectionLog, code: string, i: number): UserError {
  const before = log.queryShift({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }).length;
  let err: unknown;
  try {
    log.recordInspection(sampleInspection(i));
  } catch (e) {
    err = e;
  }
  expect(isUserError(err), String(err)).toBe(true);
  expect((err as UserError).code).toBe(code);
  expect((err as UserError).message).toMatch(/NOT saved/);
  // Nothing half-written: neither the row nor its chain entry.
  expect(log.queryShift({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }).length).toBe(before);
  expect(log.verifyChain().ok).toBe(true);
  return err as UserError;
}

describe('a full disk', () => {
  it('refuses the decision with a clear error, keeps everything before it, and records again once space is freed', () => {
    const { dir, mounted } = mountedDir('2m');
    const log = openInspectionLog(dir);
    cleanups.unshift(() => log.close());
    for (let i = 0; i < 20; i++) log.recordInspection(sampleInspection(i));
    let filler = '';
    if (mounted) {
      // Fill the filesystem to the last byte.
      filler = join(dir, 'filler');
      const chunk = Buffer.alloc(64 * 1024, 1);
      let written = 0;
      try {
        for (;;) {
          writeFileSync(filler, chunk, { flag: 'a' });
          written += chunk.length;
        }
      } catch {
        /* ENOSPC: full */
      }
      for (let size = 4096; size >= 1; size >>= 1) {
        try {
          for (;;) writeFileSync(filler, Buffer.alloc(size), { flag: 'a' });
        } catch {
          /* next smaller */
        }
      }
      expect(written).toBeGreaterThan(0);
    } else {
      // Unprivileged: the database may not grow past its current pages, which SQLite reports the same way.
      log.db.pragma(`max_page_count = ${log.db.pragma('page_count', { simple: true })}`);
    }
    // Keep recording until the disk refuses (WAL pages already allocated may take a few more).
    let i = 20;
    let err: unknown;
    for (; i < 2000 && !err; i++) {
      try {
        log.recordInspection(sampleInspection(i));
      } catch (e) {
        err = e;
      }
    }
    expect(isUserError(err), String(err)).toBe(true);
    expect((err as UserError).code).toBe('disk_full');
    expectNotSaved(log, 'disk_full', i);

    if (mounted) rmSync(filler);
    else log.db.pragma('max_page_count = 1073741823');
    const again = log.recordInspection(sampleInspection(i));
    expect(log.getInspection(again.id)?.record.id).toBe(again.id);
    expect(log.verifyChain().ok).toBe(true);
  });
});

/** The same folder seen read-only: a read-only bind mount as root, file modes otherwise. */
function readOnlyView(dir: string): string {
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    const ro = dir + '-ro';
    mkdirSync(ro);
    execFileSync('mount', ['--bind', dir, ro]);
    execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
    cleanups.unshift(() => {
      execFileSync('umount', ['-l', ro]);
      rmSync(ro, { recursive: true, force: true });
    });
    return ro;
  }
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o400);
  chmodSync(dir, 0o500);
  cleanups.unshift(() => chmodSync(dir, 0o700));
  return dir;
}

describe('a read-only disk', () => {
  it('refuses the decision with a clear error while the program runs, and loses nothing already recorded', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const writer = openInspectionLog(t.dir);
    cleanups.unshift(() => writer.close());
    for (let i = 0; i < 5; i++) writer.recordInspection(sampleInspection(i));
    let reader: InspectionLog;
    try {
      reader = openInspectionLog(readOnlyView(t.dir));
    } catch (e) {
      // Some platforms refuse the open itself; that must be just as clear.
      expect(isUserError(e), String(e)).toBe(true);
      return;
    }
    cleanups.unshift(() => reader.close());
    expectNotSaved(reader, 'log_readonly', 5);
    expect(writer.queryShift({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' })).toHaveLength(5);
    expect(writer.verifyChain().ok).toBe(true);
  });

  it('says so clearly when the program starts on a read-only disk', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const log = openInspectionLog(t.dir);
    for (let i = 0; i < 3; i++) log.recordInspection(sampleInspection(i));
    log.close();
    let err: unknown;
    try {
      const l = openInspectionLog(readOnlyView(t.dir));
      try {
        l.recordInspection(sampleInspection(3));
      } finally {
        l.close();
      }
    } catch (e) {
      err = e;
    }
    expect(isUserError(err), String(err)).toBe(true);
    expect((err as UserError).message).toMatch(/read-only/);
  });
});
