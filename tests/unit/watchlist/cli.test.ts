import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/watchlist';
import { openInspectionLog } from '../../../electron/core/inspections';
import { FIXTURES, tempStore } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempStore();
  t.store.close();
  dir = t.dir;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

async function cli(args: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d) => (o += d));
  err.on('data', (d) => (e += d));
  const code = await run(args, { stdout: out, stderr: err, stdin: Readable.from([stdin]), env: {} });
  return { code, out: o, err: e };
}

describe('checkpoint watchlist', () => {
  it('imports, screens JSON lines in order and shows stats', async () => {
    const imp = await cli(['import', '--data-dir', dir, '--format', 'sltd-csv', join(FIXTURES, 'sltd.csv')]);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/added 3, updated 0, rejected 3/);
    expect(imp.out).toMatch(/line 4: document_number is empty/);
    await cli(['import', '--data-dir', dir, '--format', 'opensanctions-csv', join(FIXTURES, 'targets.simple.csv')]);

    const queries = [
      { documentNumber: 'AB1234567', issuingState: 'THA' },
      { surname: 'Nobody', givenNames: 'At All' },
      'not json',
      { surname: 'SIDOROV', givenNames: 'IVAN', birthDate: '1970-03-05' },
    ].map((q) => (typeof q === 'string' ? q : JSON.stringify(q)));
    const s = await cli(['screen', '--data-dir', dir, '--json'], queries.join('\n') + '\n');
    const lines = s.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].hits[0]).toMatchObject({ id: 'sltd:THA:AB1234567', band: 'hit' });
    expect(Object.keys(lines[0].hits[0]).sort()).toEqual(['band', 'id', 'reasons', 'score']);
    expect(lines[1]).toEqual({ hits: [] });
    expect(lines[2].error).toMatch(/line 3: not valid JSON/);
    expect(lines[3].hits[0].id).toBe('os:NK-aaa111');
    expect(s.code).toBe(1);

    const st = await cli(['stats', '--data-dir', dir, '--json']);
    expect(JSON.parse(st.out)).toMatchObject({ persons: 2, documents: 3 });

    // Each import is a list update in the workstation's audit chain.
    const log = openInspectionLog(dir);
    const updates = log.recentAudit(10).filter((a) => a.action === 'watchlist.update').map((a) => a.details);
    log.close();
    expect(updates).toEqual([
      expect.objectContaining({ how: 'import', via: 'opensanctions-csv', added: 2, entryCount: 5 }),
      expect.objectContaining({ how: 'import', via: 'sltd-csv', added: 3, entryCount: 3 }),
    ]);
  });

  it('takes thresholds from the post screening.json and from flags, and refuses wrong ones', async () => {
    await cli(['import', '--data-dir', dir, '--format', 'opensanctions-csv', join(FIXTURES, 'targets.simple.csv')]);
    const query = JSON.stringify({ surname: 'SIDOROFF', givenNames: 'IVAN' }) + '\n';
    const score = (out: string) => JSON.parse(out).hits[0] as { score: number; band: string };
    const base = score((await cli(['screen', '--data-dir', dir, '--json'], query)).out);
    expect(base.score).toBeLessThan(1);
    // The post raises the hit threshold above this score: the same traveller is now to be reviewed.
    writeFileSync(join(dir, 'screening.json'), JSON.stringify({ hitThreshold: Math.min(1, base.score + 0.01), possibleThreshold: 0.5 }));
    expect(score((await cli(['screen', '--data-dir', dir, '--json'], query)).out).band).toBe('possible');
    // A flag overrides the file for this run.
    expect(score((await cli(['screen', '--data-dir', dir, '--json', '--hit-threshold', String(base.score)], query)).out).band).toBe('hit');
    // (the command throws a UserError; the CLI's entry turns it into the message and exit code 2)
    await expect(cli(['screen', '--data-dir', dir, '--json', '--hit-threshold', '7'], query)).rejects.toThrow(/--hit-threshold must be a number above 0 and at most 1/);
    writeFileSync(join(dir, 'screening.json'), JSON.stringify({ hitThreshold: 0.5, possibleThreshold: 0.8 }));
    await expect(cli(['screen', '--data-dir', dir, '--json'], query)).rejects.toThrow(/possibleThreshold \(0.8\) must not be above hitThreshold \(0.5\)/);
    writeFileSync(join(dir, 'screening.json'), '{"hitTreshold": 0.9}');
    await expect(cli(['screen', '--data-dir', dir, '--json'], query)).rejects.toThrow(/unknown setting "hitTreshold"/);
  });

  it('rejects an unknown format clearly', async () => {
    await expect(cli(['import', '--data-dir', dir, '--format', 'xls', 'x'])).rejects.toThrow(/--format must be one of/);
  });
});
