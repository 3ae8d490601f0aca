/**
 * What the training scripts share: the split of the real lines into fitting and held-out parts, and
 * packing line images with their text into a multi-page TIFF turned into an .lstmf training file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Gray, fromGray } from './augment';

/** Source photo of a real line: its name without the trailing -N line index. */
export const sourceOf = (name: string) => name.replace(/-\d+$/, '');

/** Held-out lines are chosen BY SOURCE PHOTO, by hash, so every script draws the same split. */
export function isHeldOut(source: string, share: number): boolean {
  const h = createHash('sha256').update(source).digest().readUInt32BE(0) / 2 ** 32;
  return h < share;
}

export interface Sample { text: string; img: Gray }

/** Batches already on disk are kept, so an interrupted run resumes where it stopped. */
export const done = (dir: string, name: string) => existsSync(join(dir, `${name}.lstmf`));

export async function writeBatch(dir: string, name: string, samples: Sample[]): Promise<string> {
  const tmp = join(dir, `${name}.pages`);
  mkdirSync(tmp, { recursive: true });
  let box = '';
  const files: string[] = [];
  for (let p = 0; p < samples.length; p++) {
    const { text, img } = samples[p]!;
    const f = join(tmp, `${String(p).padStart(5, '0')}.png`);
    await fromGray(img).png().toFile(f);
    files.push(f);
    // Whole-line boxes: LSTM training needs only the line's text, not glyph positions.
    const { width: w, height: h } = img;
    for (const c of text) box += `${c} 0 0 ${w} ${h} ${p}\n`;
    box += `\t ${w} ${h} ${w + 1} ${h + 1} ${p}\n`;
  }
  const tif = join(dir, `${name}.tif`);
  execFileSync('convert', [...files, '-compress', 'lzw', tif]);
  writeFileSync(join(dir, `${name}.box`), box);
  execFileSync('tesseract', [tif, join(dir, name), '--psm', '13', 'lstm.train'], { stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
  rmSync(tif);
  const lstmf = join(dir, `${name}.lstmf`);
  if (!existsSync(lstmf)) throw new Error(`tesseract made no ${lstmf}`);
  return lstmf;
}

