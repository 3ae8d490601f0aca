/**
 * Corrections to the ground truth of ../shared/datasets/mrz-lines/train.txt (never eval.txt).
 *
 * Why: the labels were typed by people, and they slip on exactly the glyphs the model must learn to
 * tell apart: the OCR-B zero written as the letter O or D, an 8 as B, the letter O of a country
 * code as 0. Training on them teaches the confusion. Each fix below puts a digit where ICAO 9303
 * allows only digits (dates, check digits) or a letter where it allows only letters (nationality),
 * and each was found because the line's check digits or field classes failed and was then checked
 * by eye on the crop (2026-11-29). Fields where either class is allowed (document numbers, names)
 * are not touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** line name → [position, printed label character, corrected character] */
export const LABEL_FIXES: Readonly<Record<string, ReadonlyArray<readonly [number, string, string]>>> = {
  // check digits (TD3 line 2 positions 9 and 43, TD1 line 2 position 14)
  '392x696bb__1_.jpg-1': [[9, 'O', '0']],
  '440px-JTK_Stearne_Passport.jpg-1': [[9, 'O', '0']],
  '6-3.jpg-1': [[9, 'O', '0']],
  '750x750bb__1_.jpeg-1': [[43, 'B', '8']],
  'EAD-REDESIGN.png-1': [[14, 'B', '8']],
  'passport-pictures-4-fancy-austrian-wikipedia.png-0': [[9, 'D', '0']],
  'passport-pictures-4-fancy-austrian-wikipedia__1_.png-0': [[9, 'D', '0']],
  'passport-pictures-4-fancy-austrian-wikipedia__2_.png-0': [[9, 'D', '0']],
  // dates of birth and expiry
  '220px-Irish_visa.jpg-0': [[15, 'D', '0']],
  'images_-_2019-04-07T020020.109.jpg-0': [[15, 'O', '0']],
  'passeport-tcheque-donnees-mrz-2000-kjdtxg.jpg-0': [[23, 'D', '0']],
  'images_-_2019-04-07T020924.612.jpg-0': [[24, 'D', '0'], [25, 'O', '0']],
  'images__93_.jpg-0': [[22, 'D', '0']],
  'images_-_2019-04-08T195042.335.jpg-0': [[9, 'D', '0'], [18, 'D', '0']],
  // nationality (letters only), with a date in the same line
  'images_-_2019-04-07T095527.801.jpg-0': [[10, '8', 'B'], [24, 'D', '0']],
  '9_2.png-4': [[11, '0', 'O'], [17, 'D', '0']],
  'Sample_PR_Card.jpg-1': [[15, '1', 'I']],
  'images__83_.jpg-0': [[11, '0', 'O']],
  'images_-_2019-04-07T020133.429.jpg-0': [[11, '0', 'O']],
  'images_-_2019-04-07T094827.172.jpg-0': [[11, '0', 'O']],
  'images_-_2019-04-08T192905.236.jpg-0': [[11, '0', 'O']],
};

/** The label of one line, corrected. Throws when a fix no longer matches the dataset's label. */
export function fixLabel(name: string, label: string): string {
  const fixes = LABEL_FIXES[name];
  if (!fixes) return label;
  const chars = [...label];
  for (const [at, from, to] of fixes) {
    if (chars[at] !== from) throw new Error(`label fix for ${name} expects '${from}' at ${at}, the label has '${chars[at] ?? ''}'`);
    chars[at] = to;
  }
  return chars.join('');
}

/** The label of a line crop in an mrz-lines dataset as the dataset has it. */
export function readLabel(dataset: string, name: string): string {
  return readFileSync(join(dataset, 'lines', `${name}.gt.txt`), 'utf8').trim();
}

/** The ground truth of a line crop in an mrz-lines dataset, with the corrections above. */
export function readTruth(dataset: string, name: string): string {
  return fixLabel(name, readLabel(dataset, name));
}
