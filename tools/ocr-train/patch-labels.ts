/**
 * Applies labelFixes.ts to .lstmf training files made before a fix was listed, so a work folder
 * need not be rendered again. An .lstmf keeps each line's transcription as one run of bytes, and
 * every fix swaps one character for another, so the corrected text is written over the old one in
 * place: no length field changes. (lstmtraining trains on the transcription, not the box texts.)
 *
 * usage: tsx tools/ocr-train/patch-labels.ts --dataset ../shared/datasets/mrz-lines FILE.lstmf...
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LABEL_FIXES, readLabel, readTruth } from './labelFixes';

/** Replaces every whole-line occurrence of each wrong label by its fix; returns how many it made. */
export function patchLabels(buf: Buffer, fixes: ReadonlyArray<readonly [string, string]>): number {
  let n = 0;
  for (const [wrong, right] of fixes) {
    const from = Buffer.from(wrong, 'latin1');
    const to = Buffer.from(right, 'latin1');
    if (from.length !== to.length) throw new Error(`a fix must keep the length: ${wrong} → ${right}`);
    for (let at = buf.indexOf(from); at >= 0; at = buf.indexOf(from, at + from.length)) {
      // only a whole transcription: the bytes around it are not MRZ characters
      const before = at > 0 ? String.fromCharCode(buf[at - 1]!) : '';
      const after = at + from.length < buf.length ? String.fromCharCode(buf[at + from.length]!) : '';
      if (/[A-Z0-9<]/.test(before) || /[A-Z0-9<]/.test(after)) continue;
      to.copy(buf, at);
      n++;
    }
  }
  return n;
}

if (process.argv[1]?.endsWith('patch-labels.ts')) {
  const { values, positionals } = parseArgs({ options: { dataset: { type: 'string' } }, allowPositionals: true });
  if (!values.dataset) throw new Error('--dataset DIR is required');
  const fixes = Object.keys(LABEL_FIXES).map((name) => [readLabel(values.dataset!, name), readTruth(values.dataset!, name)] as const);
  let total = 0;
  for (const file of positionals) {
    const buf = readFileSync(file);
    const n = patchLabels(buf, fixes);
    if (!n) continue;
    // written beside and renamed, so a training run reading the file never sees half of it
    writeFileSync(`${file}.tmp`, buf);
    renameSync(`${file}.tmp`, file);
    total += n;
  }
  console.log(`${total} line labels corrected in ${positionals.length} files`);
}
