import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
let log: InspectionLog;
beforeEach(() => {
  t = tempDir();
  log = openInspectionLog(t.dir);
});
afterEach(() => {
  log.close();
  t.cleanup();
});

const DAY = { from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' };

describe('recording an inspection', () => {
  it('stores everything the officer saw and decided, and reads it back', () => {
    const input = sampleInspection(0);
    const { id, seq, hash } = log.recordInspection(input);
    expect(seq).toBe(1);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const got = log.getInspection(id)!;
    expect(got.record).toMatchObject({
      id,
      officer: 'officer.a',
      site: 'NORTH',
      shiftId: '2026-11-28-A',
      decision: 'refer',
      reason: 'watchlist hit confirmed',
      notes: 'Escorted to secondary; duty desk called.',
      document: { source: 'simulator', fields: { surname: 'ERIKSSON0', documentNumber: 'L89800000' } },
      checks: { zoneValid: true, expiry: 'valid', watchlistVersion: 7, hitCount: 1, hits: [{ id: 'un:QDi.001', score: 0.93, band: 'hit' }] },
      timings: { ms: 20_000 },
    });
    expect(got.audit).toHaveLength(1);
    expect(got.audit[0]).toMatchObject({ seq: 1, action: 'inspection.record', actor: 'officer.a', ref: id });
  });

  it('refuses a referral or refusal without reason and notes, and saves nothing', () => {
    expect(() => log.recordInspection(sampleInspection(0, { reason: '', notes: ' ' }))).toThrow(/reason: a reason is required to refer; notes: notes are required to refer/);
    expect(() => log.recordInspection(sampleInspection(25, { decision: 'refuse', notes: '' }))).toThrow(/notes are required to refuse/);
    expect(log.queryShift(DAY)).toHaveLength(0);
    expect(log.verifyChain().checked).toBe(0);
  });

  it('refuses malformed input with a message naming the field', () => {
    const bad = sampleInspection(1);
    (bad.document as { source: string }).source = 'telepathy';
    expect(() => log.recordInspection(bad)).toThrow(/document\.source/);
    expect(() => log.recordInspection(sampleInspection(1, { timings: { readAt: '2026-11-28T09:00:00Z', decidedAt: '2026-11-28T08:00:00Z' } }))).toThrow(/before the document was read/);
    expect(() => log.recordInspection(sampleInspection(1, { officer: '' }))).toThrow(/officer/);
  });
});

describe('corrections', () => {
  it('add a new record referencing the old one; the old one stays, unchanged', () => {
    const { id } = log.recordInspection(sampleInspection(1)); // admit
    const c = log.correctInspection(id, { actor: 'sup.x', correctionReason: 'pressed admit by mistake', decision: 'refer', reason: 'document doubtful', notes: 'sent to secondary' });
    const got = log.getInspection(id)!;
    expect(got.record.decision).toBe('admit');
    expect(got.record.correctedBy).toBe(c.id);
    expect(got.corrections).toHaveLength(1);
    expect(got.corrections[0]).toMatchObject({ id: c.id, corrects: id, correctionReason: 'pressed admit by mistake', decision: 'refer', officer: 'officer.b' });
    expect(got.audit.map((a) => [a.action, a.actor])).toEqual([['inspection.record', 'officer.b'], ['inspection.correct', 'sup.x']]);
    // The shift shows the latest version only, unless asked.
    expect(log.queryShift(DAY).map((r) => r.id)).toEqual([c.id]);
    expect(log.queryShift({ ...DAY, includeSuperseded: true })).toHaveLength(2);
    expect(log.dashboard(DAY).decisions).toEqual({ admit: 0, refer: 1, refuse: 0 });
    expect(() => log.correctInspection(id, { actor: 'sup.x', correctionReason: 'again', decision: 'admit' })).toThrow(/already been corrected/);
    expect(() => log.correctInspection('nope', { actor: 'sup.x', correctionReason: 'x', decision: 'admit' })).toThrow(/does not exist/);
    expect(() => log.correctInspection(c.id, { actor: 'sup.x', correctionReason: '', decision: 'admit' })).toThrow(/correctionReason/);
    expect(log.verifyChain()).toMatchObject({ ok: true, checked: 2 });
  });
});

describe('shift queries and dashboard', () => {
  beforeEach(() => {
    for (let i = 0; i < 30; i++) log.recordInspection(sampleInspection(i)); // 08:00 .. 08:29
    log.recordInspection(sampleInspection(3, { site: 'SOUTH', officer: 'officer.s' }));
  });

  it('filters by period [from, to), officer and site', () => {
    expect(log.queryShift(DAY)).toHaveLength(31);
    const r = log.queryShift({ from: '2026-11-28T08:10:00Z', to: '2026-11-28T08:20:00Z' });
    expect(r).toHaveLength(10);
    expect(r[0]!.time).toBe('2026-11-28T08:10:00.000Z');
    expect(r.every((x, i) => i === 0 || x.time >= r[i - 1]!.time)).toBe(true);
    expect(log.queryShift({ ...DAY, officer: 'officer.a' })).toHaveLength(15);
    expect(log.queryShift({ ...DAY, site: 'SOUTH' }).map((x) => x.officer)).toEqual(['officer.s']);
    expect(() => log.queryShift({ from: 'yesterday', to: DAY.to })).toThrow(/from must be an ISO 8601/);
    expect(() => log.queryShift({ from: DAY.to, to: DAY.from })).toThrow(/before its start/);
  });

  it('summarises throughput, decisions, hits and per-officer figures', () => {
    const d = log.dashboard({ ...DAY, site: 'NORTH' });
    expect(d.total).toBe(30);
    expect(d.decisions).toEqual({ admit: 26, refer: 3, refuse: 1 });
    expect(d.hits).toBe(4);
    expect(d.throughputPerHour).toBeCloseTo(30 / 24);
    expect(d.watchlistVersions).toEqual([7]);
    expect(d.perOfficer.map((o) => [o.officer, o.total, o.refer, o.refuse])).toEqual([
      ['officer.a', 15, 3, 0],
      ['officer.b', 15, 0, 1],
    ]);
    expect(d.avgDecisionMs).toBeGreaterThan(20_000);
  });

  it('lists officers in roster order (officer.2 before officer.10)', () => {
    for (const officer of ['officer.10', 'officer.2', 'Officer.1']) log.recordInspection({ ...sampleInspection(40), officer, time: '2026-11-28T20:00:00Z', site: 'EAST' });
    expect(log.dashboard({ ...DAY, site: 'EAST' }).perOfficer.map((o) => o.officer)).toEqual(['Officer.1', 'officer.2', 'officer.10']);
  });

  it('keeps administrative actions in the same chain', () => {
    log.appendAudit('watchlist.update', 'sync', { from: 6, to: 7 });
    expect(log.recentAudit(1)[0]).toMatchObject({ action: 'watchlist.update', seq: 32, details: { from: 6, to: 7 } });
    expect(() => log.appendAudit('inspection.record' as never, 'x', {})).toThrow(/not an administrative audit action/);
    expect(() => log.appendAudit('made.up' as never, 'x', {})).toThrow(/not an administrative/);
    expect(log.verifyChain()).toMatchObject({ ok: true, checked: 32 });
  });
});

describe('hash encodings', () => {
  it('the fast content and entry hashes equal the canonical-JSON definition in the docs', async () => {
    const { canonicalJson, sha256Hex } = await import('../../../electron/core/inspections/canonical');
    const { contentHash, rowFromInspection } = await import('../../../electron/core/inspections/rows');
    const { entryHash } = await import('../../../electron/core/inspections/chain');
    const { inspectionInputSchema } = await import('../../../electron/core/inspections/types');
    const row = rowFromInspection('x', inspectionInputSchema.parse(sampleInspection(0)), 'older-id', 'typo');
    const spelled = {
      id: row.id, time: row.time, workstation: row.workstation, officer: row.officer, shiftId: row.shift_id, site: row.site, source: row.source,
      docCode: row.doc_code, issuingState: row.issuing_state, nationality: row.nationality, zoneValid: row.zone_valid, zoneErrors: row.zone_errors,
      expiry: row.expiry_check, watchlistVersion: row.watchlist_version, hitCount: row.hit_count, possibleCount: row.possible_count, topScore: row.top_score,
      decision: row.decision, reason: row.reason, readAt: row.read_at, decidedAt: row.decided_at, corrects: row.corrects, correctionReason: row.correction_reason,
      personalDigest: row.personal_digest,
    };
    expect(contentHash(row)).toBe(sha256Hex(canonicalJson(spelled)));
    const entry = { prev_hash: '0'.repeat(64), seq: 1, at: '2026-11-28T08:00:00.000Z', action: 'inspection.record', actor: 'officer.a', ref: 'x', details: '{"contentHash":"ab"}' };
    expect(entryHash(entry)).toBe(sha256Hex(canonicalJson([entry.prev_hash, entry.seq, entry.at, entry.action, entry.actor, entry.ref, entry.details])));
  });
});
