import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter, ageOn, daysUntil } from '../../../electron/core/counter';
import { formatMrz, parseMrz, SPECIMENS } from '../../../electron/core/mrz';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections';
import { openWatchlist, type WatchlistStore } from '../../../electron/core/watchlist';

const TODAY = new Date('2026-11-28T10:00:00Z');

describe('age and expiry arithmetic', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('2008-11-28', TODAY)).toBe(18);
    expect(ageOn('2008-11-29', TODAY)).toBe(17);
    expect(ageOn('', TODAY)).toBeNull();
  });
  it('counts days to expiry, negative once expired', () => {
    expect(daysUntil('2026-11-28', TODAY)).toBe(0);
    expect(daysUntil('2026-11-27', TODAY)).toBe(-1);
    expect(daysUntil('2027-11-28', TODAY)).toBe(365);
  });
});

describe('the counter: read -> checks -> durable decision', () => {
  let dir: string;
  let log: InspectionLog;
  let watchlist: WatchlistStore;
  let counter: Counter;
  const officer = { username: 'anna', site: 'north', shiftId: 'anna@1', shiftStartedAt: '2026-11-28T06:00:00.000Z' };

  const readOf = (lines: string[]) => ({ lines, mrz: parseMrz(lines, { today: TODAY }), source: 'serial' as const, readerId: 'r1', receivedAt: TODAY.getTime() - 2000 });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-counter-'));
    log = openInspectionLog(dir);
    watchlist = openWatchlist(dir);
    watchlist.importEntries([
      {
        kind: 'person', id: 'test:1', source: 'test', names: ['Somchai Jaidee'], birthDates: ['1980-01-15'], nationalities: ['THA'], gender: 'M',
        reason: 'Wanted: trafficking in persons', action: 'Refer to secondary; call the duty desk', reference: 'T-1', documents: [],
      },
      { kind: 'document', id: 'sltd:1', source: 'sltd', documentNumber: 'AA1234567', issuingState: 'THA', documentType: 'P', reportedDate: '2025-01-01', reason: 'Stolen blank', action: 'Seize the document' },
    ]);
    counter = new Counter({ watchlist, log, listFreshness: () => ({ stale: false }), workstation: 'ws-1', now: () => TODAY });
  });
  afterEach(() => {
    watchlist.close();
    log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags the ICAO specimen as a specimen and as expired, and finds no hit', () => {
    const r = counter.check(readOf(SPECIMENS.td3!));
    expect(r.checks.zone.state).toBe('warn');
    expect(r.checks.zone.warnings.join(' ')).toMatch(/specimen/);
    expect(r.checks.expiry.state).toBe('fail'); // the specimen expired in 2012
    expect(r.checks.watchlist.state).toBe('pass');
    expect(r.checks.watchlist.hits).toEqual([]);
    expect(r.age).toBe(52);
  });

  it('fails the watchlist check on a listed person, with the entry, reasons and required action', () => {
    const lines = formatMrz({ documentCode: 'P', issuingState: 'THA', nationality: 'THA', surname: 'JAIDEE', givenNames: 'SOMCHAI', documentNumber: 'X12345678', birthDate: '1980-01-15', sex: 'M', expiryDate: '2030-01-01', optionalData: '' }, 'TD3');
    const r = counter.check(readOf(lines));
    expect(r.checks.watchlist.state).toBe('fail');
    const hit = r.checks.watchlist.hits[0]!;
    expect(hit).toMatchObject({ id: 'test:1', band: 'hit', action: 'Refer to secondary; call the duty desk', entryKind: 'person' });
    expect(hit.reasons.length).toBeGreaterThan(0);
  });

  it('fails on a stolen document number from the same issuing state only', () => {
    const base = { documentCode: 'P', nationality: 'THA', surname: 'DOE', givenNames: 'JANE', documentNumber: 'AA1234567', birthDate: '1990-02-02', sex: 'F' as const, expiryDate: '2030-01-01', optionalData: '' };
    const stolen = counter.check(readOf(formatMrz({ ...base, issuingState: 'THA' }, 'TD3')));
    expect(stolen.checks.watchlist.hits.map((h) => h.id)).toContain('sltd:1');
    const other = counter.check(readOf(formatMrz({ ...base, issuingState: 'VNM' }, 'TD3')));
    expect(other.checks.watchlist.hits.map((h) => h.id)).not.toContain('sltd:1');
  });

  it('passes a clean, current document', () => {
    const lines = formatMrz({ documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', surname: 'SANTOSO', givenNames: 'BUDI', documentNumber: 'B9876543', birthDate: '1985-03-03', sex: 'M', expiryDate: '2031-03-03', optionalData: '' }, 'TD3');
    const r = counter.check(readOf(lines));
    expect([r.checks.zone.state, r.checks.expiry.state, r.checks.age.state, r.checks.watchlist.state]).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('warns on a minor', () => {
    const lines = formatMrz({ documentCode: 'P', issuingState: 'VNM', nationality: 'VNM', surname: 'NGUYEN', givenNames: 'AN', documentNumber: 'C1234567', birthDate: '2015-05-05', sex: 'F', expiryDate: '2030-01-01', optionalData: '' }, 'TD3');
    expect(counter.check(readOf(lines)).checks.age).toEqual({ state: 'warn', minor: true });
  });

  it('records the decision from what the core saw, then forgets the traveller', () => {
    const r = counter.check(readOf(SPECIMENS.td3!));
    const result = counter.decide(officer, r.readId, 'refer', 'expired document', 'sent to secondary desk 2');
    const stored = log.getInspection(result.id)!.record;
    expect(stored.document.fields?.surname).toBe('ERIKSSON');
    expect(stored.decision).toBe('refer');
    expect(stored.officer).toBe('anna');
    expect(stored.checks.expiry).toBe('expired');
    expect(result.counters).toMatchObject({ total: 1, refer: 1 });
    expect(counter.current()).toBeNull();
    expect(() => counter.decide(officer, r.readId, 'admit', '', '')).toThrow(/no longer on screen/);
    expect(log.verifyChain().ok).toBe(true);
  });

  it('forgets a discarded read: nothing is recorded and a later decision on it is refused', () => {
    const kept = counter.check(readOf(SPECIMENS.td3!));
    const r = counter.check(readOf(SPECIMENS.td3!));
    expect(counter.current()?.readId).toBe(r.readId);
    expect(counter.discard(r.readId)).toBe(true);
    expect(counter.current()).toBeNull();
    expect(() => counter.decide(officer, r.readId, 'admit', '', '')).toThrow(/no longer on screen/);
    expect(counter.discard(r.readId)).toBe(false);
    // Only that read goes: another one still waiting for a decision is untouched.
    expect(counter.decide(officer, kept.readId, 'refer', 'expired document', 'desk 2').counters.total).toBe(1);
    expect(log.dashboard({ from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' }).total).toBe(1);
  });

  it('never records a decision on something that was not a zone', () => {
    const r = counter.check(readOf(['NOT A ZONE']));
    expect(r.checks.zone.state).toBe('fail');
    expect(() => counter.decide(officer, r.readId, 'admit', '', '')).toThrow(/No document was read/);
  });
});
