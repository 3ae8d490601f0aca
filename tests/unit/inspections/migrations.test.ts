import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../../electron/core/auth/index';
import { ChainWriter } from '../../../electron/core/inspections/chain';
import { LATEST_SCHEMA, migrate, MIGRATIONS } from '../../../electron/core/inspections/migrations';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { rowFromInspection } from '../../../electron/core/inspections/rows';
import { inspectionInputSchema } from '../../../electron/core/inspections/types';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());

/**
 * Writes a log the way a workstation on schema `version` did: its tables only, records and an
 * account written through version-1 columns (the ones every version has).
 */
function logAtVersion(dir: string, version: number) {
  const db = new Database(join(dir, 'inspections.db'));
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  const chain = new ChainWriter(db);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const row = rowFromInspection(`old-${version}-${i}`, inspectionInputSchema.parse(sampleInspection(i)));
    db.transaction(() => {
      const link = chain.append('inspection.record', row.officer, row.id, { contentHash: row.content_hash });
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO inspections (seq, ${cols.join(',')}) VALUES (@seq, ${cols.map((c) => '@' + c).join(',')})`).run({ ...row, seq: link.seq });
    }).immediate();
    ids.push(row.id);
  }
  db.prepare("INSERT INTO users (username, role, site, display_name, password_hash, must_change, created_at) VALUES ('old.admin', 'admin', NULL, 'old.admin', 'scrypt$1024$8$1$AAAA$AAAA', 1, '2026-01-01T00:00:00Z')").run();
  db.transaction(() => chain.append('users.add', 'cli', null, { username: 'old.admin', role: 'admin' })).immediate();
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  db.close();
  return ids;
}

describe('schema migrations', () => {
  it('versions are consecutive from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (const m of MIGRATIONS.slice(0, -1)) {
    it(`upgrades a log from schema ${m.version} to ${LATEST_SCHEMA} keeping records, accounts and the chain`, () => {
      t = tempDir();
      const ids = logAtVersion(t.dir, m.version);
      const log = openInspectionLog(t.dir, { now: () => new Date('2027-06-01T00:00:00Z') });
      try {
        expect(log.schemaVersion()).toBe(LATEST_SCHEMA);
        const v = log.verifyChain();
        expect(v.ok, JSON.stringify(v.firstBroken)).toBe(true);
        expect(v.checked).toBe(8); // 6 inspections, 1 account, 1 migration entry
        expect(log.recentAudit(1)[0]).toMatchObject({ action: 'log.migrate', details: { from: m.version, to: LATEST_SCHEMA } });
        const recs = log.queryShift({ from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
        expect(recs.map((r) => r.id)).toEqual(ids);
        expect(recs[0]!.document.fields?.surname).toBe('ERIKSSON0');
        expect(createAuth(log).listUsers().map((u) => u.username)).toEqual(['old.admin']);
        // The upgraded log works like a new one: record, correct, purge, verify.
        const added = log.recordInspection(sampleInspection(50));
        log.correctInspection(ids[1]!, { actor: 'sup', correctionReason: 'wrong decision button', decision: 'refer', reason: 'documents doubtful', notes: 'see secondary report' });
        expect(log.purgePersonalData(1, 'admin').purged).toBeGreaterThan(0);
        expect(log.getInspection(added.id)).not.toBeNull();
        expect(log.verifyChain().ok).toBe(true);
      } finally {
        log.close();
      }
      // Opening again applies nothing twice.
      const again = openInspectionLog(t.dir);
      expect(again.recentAudit(1)[0]!.action).not.toBe('log.migrate');
      again.close();
    });
  }

  it('a new log starts at the latest schema with no migration entry', () => {
    t = tempDir();
    const log = openInspectionLog(t.dir);
    expect(log.schemaVersion()).toBe(LATEST_SCHEMA);
    expect(log.verifyChain()).toMatchObject({ ok: true, checked: 0 });
    log.close();
  });

  it('refuses a log written by a newer program instead of guessing', () => {
    t = tempDir();
    const db = new Database(join(t.dir, 'inspections.db'));
    db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    db.close();
    expect(() => openInspectionLog(t.dir)).toThrow(/newer version/);
  });
});
