import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../app/errors';

type Db = BetterSqlite3.Database;

/**
 * Schema history of inspections.db. Each step runs in its own transaction and bumps `user_version`;
 * a step is never edited once shipped (add a new one). Every path from an earlier version to the
 * latest is tested in tests/unit/inspections/migrations.test.ts.
 *
 * The audit chain hashes only columns that exist since version 1, so no migration can break it.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; description: string; up: (db: Db) => void }> = [
  {
    version: 1,
    description: 'audit chain, inspections, local accounts',
    up: (db) =>
      db.exec(`
        CREATE TABLE audit (
          seq       INTEGER PRIMARY KEY,
          at        TEXT    NOT NULL,
          action    TEXT    NOT NULL,
          actor     TEXT    NOT NULL,
          ref       TEXT,
          details   TEXT    NOT NULL,
          prev_hash TEXT    NOT NULL,
          hash      TEXT    NOT NULL
        );
        CREATE TABLE inspections (
          id                TEXT    NOT NULL UNIQUE,
          seq               INTEGER NOT NULL UNIQUE,
          time              INTEGER NOT NULL,
          workstation       TEXT    NOT NULL,
          officer           TEXT    NOT NULL,
          shift_id          TEXT    NOT NULL,
          site              TEXT    NOT NULL,
          source            TEXT    NOT NULL,
          doc_code          TEXT    NOT NULL,
          issuing_state     TEXT    NOT NULL,
          nationality       TEXT    NOT NULL,
          zone_valid        INTEGER NOT NULL,
          zone_errors       TEXT    NOT NULL,
          expiry_check      TEXT    NOT NULL,
          watchlist_version INTEGER,
          hit_count         INTEGER NOT NULL,
          possible_count    INTEGER NOT NULL,
          top_score         REAL,
          decision          TEXT    NOT NULL,
          reason            TEXT    NOT NULL,
          read_at           INTEGER NOT NULL,
          decided_at        INTEGER NOT NULL,
          corrects          TEXT,
          correction_reason TEXT,
          personal          TEXT,
          personal_salt     BLOB,
          personal_digest   TEXT    NOT NULL,
          content_hash      TEXT    NOT NULL
        );
        CREATE INDEX inspections_time ON inspections(time);
        CREATE TABLE users (
          username        TEXT    PRIMARY KEY,
          role            TEXT    NOT NULL,
          site            TEXT,
          display_name    TEXT    NOT NULL,
          password_hash   TEXT    NOT NULL,
          must_change     INTEGER NOT NULL DEFAULT 1,
          failed_count    INTEGER NOT NULL DEFAULT 0,
          locked_until    INTEGER,
          created_at      TEXT    NOT NULL,
          disabled        INTEGER NOT NULL DEFAULT 0
        );
      `),
  },
  {
    version: 2,
    description: 'indexes for the supervisor screen (per officer, per site, corrections)',
    up: (db) =>
      db.exec(`
        CREATE INDEX inspections_officer_time ON inspections(officer, time);
        CREATE INDEX inspections_site_time ON inspections(site, time);
        CREATE INDEX inspections_corrects ON inspections(corrects) WHERE corrects IS NOT NULL;
      `),
  },
  {
    version: 3,
    description: 'retention: purge marker and settings',
    up: (db) =>
      db.exec(`
        ALTER TABLE inspections ADD COLUMN purged_at INTEGER;
        CREATE INDEX inspections_unpurged_time ON inspections(time) WHERE purged_at IS NULL;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `),
  },
];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function currentSchema(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file up to `target` (default: latest). Refuses a file from a newer program rather than
 * guessing at it. Returns the versions applied.
 */
export function migrate(db: Db, target = LATEST_SCHEMA): number[] {
  const from = currentSchema(db);
  if (from > LATEST_SCHEMA) {
    throw new UserError(
      'log_too_new',
      `The inspection log was written by a newer version of the workstation (schema ${from}, this program knows ${LATEST_SCHEMA}). Update the workstation software; do not use this file with the old version.`,
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
