/**
 * Names whose parts are joined on one side and apart on the other: passports write JEAN<PIERRE and
 * OCONNOR, officers type what they see, lists spell names many ways. Both directions must be hits,
 * explained as parts written together, and must be found in the index when each part alone is too
 * common to look up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningQuery, WatchlistStore } from '../../../electron/core/watchlist';
import { person, tempStore } from './helpers';

let store: WatchlistStore;
let cleanup: () => void;

/** Made-up given names, none like JEAN or PIERRE, for namesakes sharing one surname. */
function fillerGiven(k: number): string {
  const syl = ['BA', 'KO', 'RU', 'MI', 'TE', 'SA', 'LO', 'VI', 'NU', 'GE'];
  return syl[k % 10]! + syl[Math.floor(k / 10) % 10]! + syl[Math.floor(k / 100) % 10]! + 'X';
}

beforeAll(() => {
  ({ store, cleanup } = tempStore());
  store.importEntries([
    // apart on the list
    person('jp', ['Jean-Pierre DUPONT']),
    person('ma', ['Mohammad Ali']),
    person('ar', ['Abdul Rahman']),
    person('vb', ['Pieter van der Berg']),
    person('jpl', ['Jean-Pierre Louis DUCHEMIN']),
    // together on the list
    person('oc', ["Patrick O'Connor"]),
    person('jpj', ['JEANPIERRE LEFEVRE']),
    person('arj', ['ABDULRAHMAN Said']),
    person('vbj', ['Vanderberg, Anna']),
    person('jplj', ['JEANPIERRE Louis MOREAU']),
    person('kim', ['KIM TONG MYONG']),
    // namesakes: DUCHEMIN and MOREAU alone are too common to narrow a search
    ...Array.from({ length: 320 }, (_, k) => person(`duchemin:${k}`, [`${fillerGiven(k)} DUCHEMIN`])),
    ...Array.from({ length: 320 }, (_, k) => person(`moreau:${k}`, [`${fillerGiven(k)} MOREAU`])),
  ]);
});
afterAll(() => cleanup());

const top = (q: ScreeningQuery) => store.screen(q).hits[0];

describe('name parts joined on one side, apart on the other', () => {
  it.each([
    // traveller joined, list apart
    [{ surname: 'DUPONT', givenNames: 'JEANPIERRE' }, 'jp', 'JEANPIERRE ~ JEAN PIERRE (joined 1)'],
    [{ surname: 'JEANPIERRE DUPONT' }, 'jp', 'JEANPIERRE ~ JEAN PIERRE (joined 1)'],
    [{ surname: 'MOHAMMADALI' }, 'ma', 'MOHAMMADALI ~ MUHAMMAD ALI (joined 1)'],
    [{ surname: 'ABDULRAHMAN' }, 'ar', 'ABDULRAHMAN ~ ABD RAHMAN (joined 1)'],
    [{ surname: 'VANDERBERG', givenNames: 'PIETER' }, 'vb', 'VANDERBERG ~ VAN DER BERG (joined 1)'],
    // traveller apart, list joined
    [{ surname: 'O CONNOR', givenNames: 'PATRICK' }, 'oc', 'O CONNOR ~ OCONNOR (joined 1)'],
    [{ surname: 'LEFEVRE', givenNames: 'JEAN PIERRE' }, 'jpj', 'JEAN PIERRE ~ JEANPIERRE (joined 1)'],
    [{ surname: 'SAID', givenNames: 'ABDUL RAHMAN' }, 'arj', 'ABD RAHMAN ~ ABDULRAHMAN (joined 1)'],
    [{ surname: 'VAN DER BERG', givenNames: 'ANNA' }, 'vbj', 'VAN DER BERG ~ VANDERBERG (joined 1)'],
  ] as const)('%o is a hit on %s, explained as parts written together', (q, id, pair) => {
    const h = top(q)!;
    expect(h).toMatchObject({ id, band: 'hit' });
    expect(h.reasons[0]).toContain(pair);
    expect(h.reasonCodes).toContainEqual(expect.objectContaining({ code: 'name_pair', params: expect.objectContaining({ kind: 'joined', sim: 1 }) }));
  });

  it('finds the entry when the joined name is the only thing the index can go by', () => {
    // The surname alone brings up over 300 namesakes and the whole name differs (a middle name):
    // only the parts regrouped lead to the entry.
    expect(top({ surname: 'DUCHEMIN', givenNames: 'JEANPIERRE' })).toMatchObject({ id: 'jpl', band: 'hit' });
    expect(top({ surname: 'MOREAU', givenNames: 'JEAN PIERRE' })).toMatchObject({ id: 'jplj', band: 'hit' });
  });

  it('does not make a hit of another name that only looks joined', () => {
    const hitsOf = (q: ScreeningQuery) => store.screen(q).hits.filter((h) => h.band === 'hit').map((h) => h.id);
    expect(hitsOf({ surname: 'DUPONT', givenNames: 'JEANPAUL' })).toEqual([]);
    expect(hitsOf({ surname: 'DUPONT', givenNames: 'MARIEFRANCE' })).toEqual([]);
    expect(hitsOf({ surname: 'ALIMOHAMMAD', givenNames: 'REZA' })).toEqual([]);
    // Short syllables joined resemble other names by chance (MI YONG ~ MYONG): not even for review.
    expect(store.screen({ surname: 'KIM', givenNames: 'MI YONG' }).hits).toEqual([]);
  });
});
