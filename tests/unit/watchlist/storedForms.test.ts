/**
 * The store indexes an entry with keys computed from its prepared name forms, and removes them on
 * update or deletion with keys recomputed from the stored encoding. Both must agree for every name,
 * or an updated entry would leave stale keys behind (or lose live ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { decodeForms, encodeForms, formKeys, keyHash, prepareName } from '../../../electron/core/watchlist/names';
import { DATASETS } from './helpers';

const keysOf = (forms: ReturnType<typeof prepareName>) => {
  const s = new Set<number>();
  for (const f of forms) {
    const k = formKeys(f, false);
    for (const x of [...k.single, ...k.pair, ...k.joined]) s.add(keyHash(x));
  }
  return [...s].sort((a, b) => a - b);
};

it('gives the same index keys from prepared forms and from their stored encoding, for real names in many scripts', () => {
  const dir = join(DATASETS, 'names');
  const names = [
    ...readFileSync(join(dir, 'putin_names.txt'), 'utf8').split('\n'),
    ...readFileSync(join(dir, 'cross_script_pairs.csv'), 'utf8').split('\n').flatMap((l) => l.split(',')),
    ...readFileSync(join(dir, 'positives_un_untreated.csv'), 'utf8').split('\n').flatMap((l) => l.split(',')),
  ].filter((n) => n.trim());
  expect(names.length).toBeGreaterThan(1000);
  const differ = names.filter((n) => {
    const forms = prepareName(n);
    return keysOf(forms).join() !== keysOf(decodeForms(encodeForms(forms))).join();
  });
  expect(differ).toEqual([]);
});
