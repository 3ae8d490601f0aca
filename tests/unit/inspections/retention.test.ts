import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t.cleanup());

const DAY = 86_400_000;

describe('retention purge', () => {
  it('removes personal fields past the period, keeps counts and statistics, and is itself audited', () => {
    t = tempDir();
    const clock = { now: new Date('2026-06-01T00:00:00Z') };
    const log = openInspectionLog(t.dir, { now: () => clock.now });
    const old = log.recordInspection({ ...sampleInspection(0), time: new Date(clock.now.getTime() - 100 * DAY).toISOString() });
    const recent = log.recordInspection({ ...sampleInspection(10), time: new Date(clock.now.getTime() - 10 * DAY).toISOString() });
    const before = log.dashboard({ from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' });

    expect(log.retentionDays()).toBe(90);
    const r = log.purgePersonalData(undefined, 'admin');
    expect(r.purged).toBe(1);

    const o = log.getInspection(old.id)!.record;
    expect(o.document.fields).toBeNull();
    expect(o.notes).toBeNull();
    expect(o.checks.hits).toBeNull();
    expect(o.purgedAt).toBe(clock.now.toISOString());
    // What statistics need stays.
    expect(o).toMatchObject({ decision: 'refer', reason: 'watchlist hit confirmed', officer: 'officer.a', document: { nationality: 'UTO', documentCode: 'P' } });
    expect(o.checks.hitCount).toBe(1);
    expect(log.getInspection(recent.id)!.record.document.fields?.surname).toBe('ERIKSSON10');
    expect(log.dashboard({ from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' })).toEqual(before);

    expect(log.recentAudit(1)[0]).toMatchObject({ action: 'retention.purge', actor: 'admin', details: { purged: 1, olderThanDays: 90 } });
    expect(log.verifyChain().ok).toBe(true);
    // A second run finds nothing new.
    expect(log.purgePersonalData(undefined, 'admin').purged).toBe(0);
    log.close();

    // The name is gone from the file itself, not just hidden (secure_delete + checkpoint).
    const bytes = readFileSync(join(t.dir, 'inspections.db')).toString('latin1');
    expect(bytes).not.toContain('ERIKSSON0"');
    expect(bytes).toContain('ERIKSSON10');
  });

  it('follows a configured period, and the change is audited', () => {
    t = tempDir();
    const now = new Date('2026-06-01T00:00:00Z');
    const log = openInspectionLog(t.dir, { now: () => now });
    log.recordInspection({ ...sampleInspection(1), time: new Date(now.getTime() - 40 * DAY).toISOString() });
    expect(log.purgePersonalData(undefined, 'admin').purged).toBe(0);
    log.setRetentionDays(30, 'admin');
    expect(log.recentAudit(1)[0]).toMatchObject({ action: 'config.change', details: { key: 'retentionDays', from: null, to: '30' } });
    expect(log.purgePersonalData(undefined, 'admin').purged).toBe(1);
    expect(() => log.setRetentionDays(0, 'admin')).toThrow(/between 1 and 3650/);
    expect(log.verifyChain().ok).toBe(true);
    log.close();
  });

  it('a purged record cannot be "un-purged" with invented data without verify noticing', () => {
    t = tempDir();
    const now = new Date('2026-06-01T00:00:00Z');
    const log = openInspectionLog(t.dir, { now: () => now });
    const { id } = log.recordInspection({ ...sampleInspection(2), time: new Date(now.getTime() - 200 * DAY).toISOString() });
    log.purgePersonalData(90, 'admin');
    log.close();
    const db = new Database(join(t.dir, 'inspections.db'));
    db.prepare("UPDATE inspections SET personal = '{}', personal_salt = x'00', purged_at = NULL WHERE id = ?").run(id);
    db.close();
    const again = openInspectionLog(t.dir);
    expect(again.verifyChain()).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
    again.close();
  });
});
