import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSourceEntries, type PersonEntry, type WatchlistStore } from '../../../electron/core/watchlist';
import { FIXTURES, SANCTIONS, tempStore } from './helpers';

let store: WatchlistStore;
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ store, dir, cleanup } = tempStore()));
afterEach(() => cleanup());

const haveSanctions = existsSync(join(SANCTIONS, 'UN_consolidated.xml'));
if (!haveSanctions) console.warn(`[watchlist tests] ${SANCTIONS} is absent: UN XML and OFAC import tests are skipped.`);

describe.skipIf(!haveSanctions)('real list files', () => {
  it('imports the UN consolidated list XML with references, birth dates and passports', () => {
    const r = store.importFile('un-xml', join(SANCTIONS, 'UN_consolidated.xml'));
    expect(r.added).toBeGreaterThan(700);
    expect(r.rejected).toBe(0);
    const e = store.getEntry('un:CDi.001') as PersonEntry;
    expect(e.names[0]).toBe('ERIC BADEGE');
    expect(e.birthDates).toEqual(['1971']);
    expect(e.nationalities).toEqual(['COD']);
    expect(e.gender).toBe('M');
    const withPassport = [...store.allEntries()].find((x) => x.kind === 'person' && x.documents.some((d) => d.type === 'P' && d.issuingState));
    expect(withPassport).toBeDefined();
    expect(store.screen({ surname: 'BADEGE', givenNames: 'ERIC', birthDate: '1971-05-05' }).hits[0]).toMatchObject({ id: 'un:CDi.001', band: 'hit' });
  });

  it('imports OFAC SDN individuals with aliases, birth dates and the passport from the remarks', () => {
    const r = store.importFile('ofac-csv', join(SANCTIONS, 'ofac-sdn.csv'));
    expect(r.added).toBe(4);
    const e = store.getEntry('ofac:10278') as PersonEntry;
    expect(e.names).toContain('Elvis Angus LOGAN MOREY');
    expect(e.names).toContain('BURTON BURGESS');
    expect(e.birthDates).toEqual(['1963-07-28']);
    expect(e.documents).toEqual([{ number: 'P0017003', issuingState: 'BLZ', type: 'P' }]);
    const k = store.getEntry('ofac:48603') as PersonEntry;
    expect(k.names).toContain('Dmitriy Yurevich KHOROSHEV'); // from ofac-alt.csv
    expect(k.gender).toBe('M');
    expect(store.screen({ documentNumber: 'P0017003', issuingState: 'BLZ' }).hits[0]?.id).toBe('ofac:10278');
  });

  it('re-importing the same file updates instead of duplicating', () => {
    store.importFile('ofac-csv', join(SANCTIONS, 'ofac-sdn.csv'));
    const r = store.importFile('ofac-csv', join(SANCTIONS, 'ofac-sdn.csv'));
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(store.stats().persons).toBe(4);
  });

  it('a list given with the wrong --format (every row rejected) is an error, and records nothing', () => {
    store.importFile('ofac-csv', join(SANCTIONS, 'ofac-sdn.csv'));
    const before = store.stats();
    expect(() => store.importFile('ofac-csv', join(SANCTIONS, 'UN_consolidated.xml'))).toThrow(/could be read as ofac-csv .*Check the file and --format; the list was not changed/);
    const after = store.stats();
    expect(after.persons).toBe(before.persons);
    expect(after.imports['ofac-csv']?.file).toBe('ofac-sdn.csv');
  });
});

describe('hand-written fixtures', () => {
  it('OpenSanctions CSV: persons imported, companies skipped, bad rows rejected by line', () => {
    const r = store.importFile('opensanctions-csv', join(FIXTURES, 'targets.simple.csv'));
    expect(r).toMatchObject({ added: 2, updated: 0, rejected: 3, skipped: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(r.errors[0]!.message).toMatch(/birth_date/);
    const e = store.getEntry('os:NK-aaa111') as PersonEntry;
    expect(e.names).toContain('Иван Петрович Сидоров');
    expect(e.nationalities).toEqual(['RUS']);
    expect(store.screen({ surname: 'Сидоров', givenNames: 'Иван' }).hits[0]?.id).toBe('os:NK-aaa111');
  });

  it('FollowTheMoney JSON lines: persons with their passports; bad lines reported', () => {
    const r = store.importFile('ftm', join(FIXTURES, 'entities.ftm.jsonl'));
    expect(r).toMatchObject({ added: 2, rejected: 2, skipped: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([4, 5]);
    const p = store.getEntry('os:Q7747') as PersonEntry;
    expect(p.documents).toEqual([{ number: '7000001', issuingState: 'RUS', type: 'P' }]);
    expect(p.gender).toBe('M');
    expect(store.screen({ documentNumber: '7000001', issuingState: 'RUS' }).hits[0]?.id).toBe('os:Q7747');
  });

  it('lost/stolen documents CSV: ICAO codes checked, malformed rows named by line', () => {
    const r = store.importFile('sltd-csv', join(FIXTURES, 'sltd.csv'));
    expect(r).toMatchObject({ added: 3, rejected: 3 });
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(store.stats().documents).toBe(3);
    expect(store.screen({ documentNumber: 'XOI2345', issuingState: 'VNM' }).hits[0]?.band).toBe('hit');
  });

  it('readSourceEntries parses without touching any store', () => {
    const { entries, rejected } = readSourceEntries('sltd-csv', join(FIXTURES, 'sltd.csv'));
    expect(entries).toHaveLength(3);
    expect(rejected).toHaveLength(3);
    expect(store.stats().documents).toBe(0);
  });

  it('a file that is not of the format changes nothing and says why', () => {
    store.importFile('sltd-csv', join(FIXTURES, 'sltd.csv'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,colour\nfoo,red\n');
    expect(() => store.importFile('sltd-csv', bad)).toThrow(/missing column document_number/);
    writeFileSync(bad, '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL></INDIVIDUALS>');
    expect(() => store.importFile('un-xml', bad)).toThrow(/line 1/);
    expect(() => store.importFile('ftm', join(dir, 'missing.jsonl'))).toThrow(/Cannot read/);
    expect(store.stats().documents).toBe(3);
  });

  it('reports a malformed UN individual by line and keeps the others', () => {
    const f = join(dir, 'un.xml');
    writeFileSync(f, `<?xml version="1.0"?>
<CONSOLIDATED_LIST>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>ALPHA</FIRST_NAME><SECOND_NAME>BRAVO</SECOND_NAME>
      <REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
    </INDIVIDUAL>
  </INDIVIDUALS>
</CONSOLIDATED_LIST>`);
    const r = store.importFile('un-xml', f);
    expect(r).toMatchObject({ added: 1, rejected: 1 });
    expect(r.errors[0]).toEqual({ line: 8, message: 'individual QDi.901 has no name' });
  });
});
