import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WATCHLIST_REASON_CODES, type WatchlistStore } from '../../../electron/core/watchlist';
import { person, tempStore } from './helpers';

let store: WatchlistStore;
let cleanup: () => void;

beforeAll(() => {
  ({ store, cleanup } = tempStore());
  store.importEntries([
    person('t:putin', ['PUTIN, Vladimir Vladimirovich'], { birthDates: ['1952-10-07'], nationalities: ['RUS'], gender: 'M' }),
    person('t:eriksson', ['Johan Eriksson'], { birthDates: ['1990-05-05'], nationalities: ['SWE'], gender: 'M' }),
    { kind: 'document', id: 'sltd:1', source: 'sltd', documentNumber: 'X1234567', issuingState: 'THA', documentType: 'P', reportedDate: '2025-01-01', reason: 'stolen', action: 'seize' },
  ]);
});
afterAll(() => cleanup());

describe('screening reasons as codes', () => {
  it('explains a hit on a name written in Cyrillic with codes and parameters, next to the English reasons', () => {
    const h = store.screen({ surname: 'Путин', givenNames: 'Владимир', birthDate: '1952-10-07', nationality: 'RUS' }).hits[0]!;
    expect(h.id).toBe('t:putin');
    expect(h.reasons.join(' ')).toMatch(/PUTIN = PUTIN/);
    expect(h.reasonCodes).toEqual([
      { code: 'name_score', params: { score: 0.92 } },
      { code: 'name_pair_exact', params: { query: 'VLADIMIR', list: 'VLADIMIR' } },
      { code: 'name_pair_exact', params: { query: 'PUTIN', list: 'PUTIN' } },
      { code: 'name_unmatched_list', params: { parts: 'VLADIMIROVICH' } },
      { code: 'birth_exact', params: { delta: 0.05 } },
      { code: 'nationality_match', params: { nationality: 'RUS', delta: 0.02 } },
    ]);
  });

  it('gives a fuzzy name pair and each qualifier that lowered the score', () => {
    const h = store.screen({ surname: 'ERIKSON', givenNames: 'JOHAN', birthDate: '1961-05-05', sex: 'F', nationality: 'NOR' }).hits[0]!;
    const byCode = Object.fromEntries(h.reasonCodes.map((r) => [r.code, r.params]));
    expect(byCode.name_pair).toMatchObject({ query: 'ERIKSON', list: 'ERIKSSON', kind: 'fuzzy' });
    expect(byCode.birth_year_differs).toEqual({ year: '1990', delta: -0.08 });
    expect(byCode.nationality_differs).toEqual({ nationality: 'NOR', list: 'SWE', delta: -0.03 });
    expect(byCode.gender_differs).toEqual({ gender: 'M', delta: -0.06 });
  });

  it('codes a lost or stolen document by number and issuing state', () => {
    const h = store.screen({ surname: 'ANYONE', documentNumber: 'X1234567', issuingState: 'THA' }).hits[0]!;
    expect(h.band).toBe('hit');
    expect(h.reasonCodes).toEqual([{ code: 'document_lost_stolen', params: { number: 'X1234567', state: 'THA' } }]);
  });

  it('only emits codes from the exported list', () => {
    const all = [
      store.screen({ surname: 'ERIKSSON', givenNames: 'JOHAN', birthDate: '1990-05' }),
      store.screen({ surname: 'ERIKSSON', givenNames: 'JOHAN', birthDate: '1991-05-05' }),
      store.screen({ surname: 'PUTIN', givenNames: 'VLADIMIR', birthDate: '1952-10-08' }),
      store.screen({ surname: 'X', documentNumber: 'X1234567' }),
    ].flatMap((r) => r.hits.flatMap((h) => h.reasonCodes.map((c) => c.code)));
    expect(all.length).toBeGreaterThan(5);
    for (const c of all) expect(WATCHLIST_REASON_CODES).toContain(c);
  });
});
