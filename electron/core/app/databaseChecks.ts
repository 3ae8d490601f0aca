import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DoctorCheck } from './doctor';
import { LATEST_SCHEMA, LOG_FILE } from '../inspections';
// (the config module only: this file must not load the list's native SQLite before its own check)
import { readPostScreeningConfig, SCREENING_CONFIG_FILE, screeningConfig } from '../watchlist/config';

const require = createRequire(import.meta.url);

/**
 * Databases in the data folder, opened read-only so that running doctor never migrates or locks them:
 * the inspection log's schema version, and the watchlist version in use.
 */
export function databaseChecks(dataDir: string): DoctorCheck[] {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const checks: DoctorCheck[] = [];
  const logPath = join(dataDir, LOG_FILE);
  if (!existsSync(logPath)) {
    checks.push({ name: 'inspection log', ok: true, detail: `not created yet (schema ${LATEST_SCHEMA} will be created on first start)`, code: 'inspection_log.not_created', params: { latest: LATEST_SCHEMA } });
  } else {
    try {
      const db = new Database(logPath, { readonly: true, fileMustExist: true });
      const v = db.pragma('user_version', { simple: true }) as number;
      db.close();
      checks.push(
        v <= LATEST_SCHEMA
          ? {
              name: 'inspection log',
              ok: true,
              detail: `schema ${v}${v < LATEST_SCHEMA ? ` (will be upgraded to ${LATEST_SCHEMA} on next start)` : ''}`,
              code: v < LATEST_SCHEMA ? 'inspection_log.schema_upgrade' : 'inspection_log.schema',
              params: { version: v, latest: LATEST_SCHEMA },
            }
          : {
              name: 'inspection log',
              ok: false,
              detail: `schema ${v} is newer than this program (${LATEST_SCHEMA})`,
              fix: 'Update the workstation software before using this data folder.',
              code: 'inspection_log.too_new',
              params: { version: v, latest: LATEST_SCHEMA },
            },
      );
    } catch (e) {
      checks.push({
        name: 'inspection log',
        ok: false,
        detail: `cannot open ${logPath}: ${(e as Error).message}`,
        fix: 'Check the file permissions and the disk; restore from backup if the file is damaged.',
        code: 'inspection_log.cannot_open',
        params: { path: logPath, error: (e as Error).message },
      });
    }
  }
  const listPath = join(dataDir, 'watchlist.db');
  if (!existsSync(listPath)) {
    checks.push({ name: 'watchlist', ok: false, detail: 'no watchlist loaded', fix: 'Set the list link in the technician screen (or `checkpoint sync pull`), or import a list with `checkpoint watchlist import`.', level: 'warn', code: 'watchlist.none', params: {} });
  } else {
    try {
      const db = new Database(listPath, { readonly: true, fileMustExist: true });
      const row = db.prepare("SELECT v FROM meta WHERE k = 'list_version'").get() as { v: string } | undefined;
      const hand = Number((db.prepare("SELECT v FROM meta WHERE k = 'hand_changes'").get() as { v: string } | undefined)?.v ?? 0);
      db.close();
      checks.push(
        row && hand > 0
          ? { name: 'watchlist', ok: true, detail: `list version ${row.v}, plus ${hand} entries added or changed by hand (the next full list replaces them)`, code: 'watchlist.version_and_hand', params: { version: row.v, count: hand } }
          : row
          ? { name: 'watchlist', ok: true, detail: `list version ${row.v}`, code: 'watchlist.version', params: { version: row.v } }
          : { name: 'watchlist', ok: true, detail: 'entries imported by hand (no published version)', code: 'watchlist.by_hand', params: {} },
      );
    } catch (e) {
      checks.push({
        name: 'watchlist',
        ok: false,
        detail: `cannot read ${listPath}: ${(e as Error).message}`,
        fix: 'Pull the list again (`checkpoint sync pull`) or re-import it.',
        code: 'watchlist.cannot_read',
        params: { path: listPath, error: (e as Error).message },
      });
    }
  }
  checks.push(screeningThresholdsCheck(dataDir));
  return checks;
}

/** The watchlist link: settings readable, when the list was last confirmed current, the last error. */
export async function syncChecks(dataDir: string): Promise<DoctorCheck[]> {
  const { loadSyncConfig, readSyncStatus } = await import('../sync');
  let config;
  try {
    config = loadSyncConfig(dataDir);
  } catch (e) {
    return [
      {
        name: 'watchlist link',
        ok: false,
        detail: (e as Error).message,
        fix: 'Set the link again in the technician screen or with `checkpoint sync config`.',
        code: 'watchlist_link.bad_config',
        params: { error: (e as Error).message },
      },
    ];
  }
  if (!config.url) {
    return [
      {
        name: 'watchlist link',
        ok: false,
        detail: 'no headquarters link configured',
        fix: 'Set the list URL and root.json in the technician screen (or `checkpoint sync config --url URL --root FILE`).',
        level: 'warn',
        code: 'watchlist_link.none',
        params: {},
      },
    ];
  }
  // The version screening uses, read as the sync service reads it, so that the list's age here is the
  // one the technician's sync tab shows (a list imported by hand counts from its publication time).
  const inUse = listInUse(dataDir);
  const status = readSyncStatus(dataDir, inUse ? { listVersion: () => inUse } : null);
  // A pull that failed for want of a (valid) trusted root needs the root.json installed, not the network checked.
  const rootProblem = status.lastErrorCode === 'sync_no_root' ? 'no_root' : status.lastErrorCode === 'sync_bad_root' ? 'bad_root' : null;
  const checks: DoctorCheck[] = [
    {
      name: 'watchlist link',
      ok: !status.lastError,
      detail: status.lastError ? `last pull failed: ${status.lastError}` : `${config.url}, last confirmed ${status.checkedAt ?? 'never'}`,
      fix: rootProblem
        ? `Install the root.json from headquarters${rootProblem === 'bad_root' ? ' (the one made by `checkpoint sync keygen`)' : ''}: \`checkpoint sync config --root FILE\`, or pull once with \`checkpoint sync pull --root FILE\`.`
        : 'Check the network path to headquarters, then `checkpoint sync pull`.',
      // The error itself is named by its code; the screen says it from `error.<errorCode>`.
      ...(status.lastError
        ? { code: rootProblem ? (`watchlist_link.${rootProblem}` as const) : ('watchlist_link.failed' as const), params: { error: status.lastError, errorCode: status.lastErrorCode ?? '' } }
        : { code: 'watchlist_link.ok' as const, params: { url: config.url, checkedAt: status.checkedAt ?? '' } }),
    },
  ];
  if (status.stale) {
    checks.push({
      name: 'watchlist age',
      ok: false,
      detail: `the list in use is older than ${config.staleAfterHours} h or was never confirmed`,
      fix: 'Pull the list (`checkpoint sync pull`) as soon as the link is back.',
      code: 'watchlist_age.stale',
      params: { hours: config.staleAfterHours },
    });
  }
  return checks;
}

/** The watchlist's version and publication time, read-only; null when there is no readable list. */
function listInUse(dataDir: string): { version: number | null; publishedAt: string | null } | null {
  const listPath = join(dataDir, 'watchlist.db');
  if (!existsSync(listPath)) return null;
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  try {
    const db = new Database(listPath, { readonly: true, fileMustExist: true });
    try {
      const meta = (k: string) => (db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined)?.v ?? null;
      const v = meta('list_version');
      return { version: v === null ? null : Number(v), publishedAt: meta('published_at') };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The post's screening thresholds: the defaults, the post's own, or a file that is wrong (then the defaults apply). */
function screeningThresholdsCheck(dataDir: string): DoctorCheck {
  const name = 'screening thresholds';
  const said = (c: { hitThreshold: number; possibleThreshold: number }) => ({ hit: c.hitThreshold, possible: c.possibleThreshold });
  try {
    const post = readPostScreeningConfig(dataDir);
    const c = screeningConfig(post);
    return post
      ? { name, ok: true, detail: `the post's ${SCREENING_CONFIG_FILE}: hit at ${c.hitThreshold}, review at ${c.possibleThreshold}`, code: 'screening_thresholds.post', params: said(c) }
      : { name, ok: true, detail: `defaults: hit at ${c.hitThreshold}, review at ${c.possibleThreshold}`, code: 'screening_thresholds.defaults', params: said(c) };
  } catch (e) {
    const error = (e as Error).message;
    return {
      name,
      ok: false,
      detail: `${error}; screening uses the defaults until it is fixed`,
      fix: `Fix ${join(dataDir, SCREENING_CONFIG_FILE)} (e.g. {"hitThreshold": 0.86, "possibleThreshold": 0.72}) or remove it.`,
      code: 'screening_thresholds.bad',
      params: { error, path: join(dataDir, SCREENING_CONFIG_FILE) },
    };
  }
}
