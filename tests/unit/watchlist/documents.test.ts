import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentNumberKey, type WatchlistStore } from '../../../electron/core/watchlist';
import { person, tempStore } from './helpers';

let store: WatchlistStore;
let cleanup: () => void;

beforeAll(() => {
  ({ store, cleanup } = tempStore());
  store.importEntries([
    { kind: 'document', id: 'sltd:THA:AB1234567', source: 'sltd', documentNumber: 'AB1234567', issuingState: 'THA', documentType: 'P', reportedDate: '2024-05-01', reason: 'stolen', action: 'retain' },
    { kind: 'document', id: 'sltd:D:C01X00T47', source: 'sltd', documentNumber: 'C01X00T47', issuingState: 'D', documentType: 'P', reportedDate: '', reason: 'lost', action: 'retain' },
    person('t:holder', ['Some Body'], { documents: [{ number: 'P0017003', issuingState: 'BLZ', type: 'P' }] }),
  ]);
});
afterAll(() => cleanup());

describe('document screening', () => {
  it('normalises fillers, spaces and O/0, I/1 confusions', () => {
    expect(documentNumberKey('AB 1234567<<')).toBe('AB1234567');
    expect(documentNumberKey('ab-i234s67')).toBe('AB1234S67');
    expect(documentNumberKey('C0IXOOT47')).toBe(documentNumberKey('C01X00T47'));
  });

  it('hits a listed number from the same issuing state, even as OCR misread it', () => {
    const h = store.screen({ documentNumber: 'AB I234567', issuingState: 'THA' }).hits;
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ id: 'sltd:THA:AB1234567', band: 'hit', score: 1 });
    expect(h[0]!.reasons[0]).toMatch(/lost or stolen/);
    expect(store.screen({ documentNumber: 'C0IXOOT47', issuingState: 'D<<' }).hits[0]?.id).toBe('sltd:D:C01X00T47');
  });

  it('does not hit the same number from another issuing state', () => {
    expect(store.screen({ documentNumber: 'AB1234567', issuingState: 'VNM' }).hits).toEqual([]);
  });

  it('asks for review when the traveller gives no issuing state', () => {
    expect(store.screen({ documentNumber: 'AB1234567' }).hits[0]?.band).toBe('possible');
  });

  it("matches a listed person's passport", () => {
    expect(store.screen({ documentNumber: 'P0017003', issuingState: 'BLZ' }).hits[0]?.id).toBe('t:holder');
  });

  it('takes well under a millisecond per document check', () => {
    const t = performance.now();
    for (let i = 0; i < 200; i++) store.screen({ documentNumber: 'AB1234567', issuingState: 'THA' });
    expect((performance.now() - t) / 200).toBeLessThan(5); // generous: shared CI machines
  });
});
