/**
 * Renders the OCR-B templates of the glyph recogniser (electron/core/ocr/glyphs.ts) into
 * resources/ocr/glyphs.bin: every MRZ character in OCR-B at several stroke weights and sizes,
 * normalised exactly as the reader normalises a glyph cut from a line.
 *
 * usage: tsx tools/ocr-train/make-glyphs.ts [--out resources/ocr/glyphs.bin]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { CELL_H, CELL_W, GLYPH_CHARS, cellVector, segmentLine } from '../../electron/core/ocr/glyphs';
import { otsu } from '../../electron/core/ocr/lines';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'resources/ocr/glyphs.bin' } } });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Two renderers: Pango (sharp's text input) and librsvg (SVG text). They pick different faces of
 * the OCR-B family installed by fonts-ocr-b, whose digits differ slightly, and printers differ too.
 */
async function renderGray(text: string, size: number, via: 'pango' | 'svg') {
  if (via === 'pango') {
    const markup = `<span letter_spacing="${size * 300}">${esc(text)}</span>`;
    return sharp({ text: { text: markup, font: `OCR B ${size}`, dpi: 72 } }).negate({ alpha: false }).grayscale().raw().toBuffer({ resolveWithObject: true });
  }
  const pitch = size * 0.9;
  const w = Math.ceil(pitch * (text.length + 1)), h = Math.ceil(size * 1.6);
  const xs = [...text].map((_, i) => (size * 0.4 + i * pitch).toFixed(1)).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fff"/><text x="${xs}" y="${(size * 1.15).toFixed(1)}" font-family="OCR B" font-size="${size}" fill="#000">${esc(text)}</text></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).grayscale().raw().toBuffer({ resolveWithObject: true });
}

async function renderInk(text: string, size: number, blur: number, cutShift: number, via: 'pango' | 'svg'): Promise<{ ink: Uint8Array; width: number; height: number }> {
  // sharp orders operations itself; render on its own pass, pad in JS, blur on the padded image
  const r = await renderGray(text, size, via);
  const P = 8, width = r.info.width + 2 * P, height = r.info.height + 2 * P;
  let gray = Buffer.alloc(width * height, 255);
  for (let y = 0; y < r.info.height; y++) r.data.copy(gray, (y + P) * width + P, y * r.info.width, (y + 1) * r.info.width);
  if (blur > 0) gray = await sharp(gray, { raw: { width, height, channels: 1 } }).blur(blur).raw().toBuffer();
  const cut = Math.max(20, Math.min(235, otsu(gray) + cutShift));
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = gray[i]! <= cut ? 1 : 0;
  return { ink, width, height };
}

async function main() {
  const rows: Array<{ ch: string; v: Float32Array }> = [];
  for (const via of ['pango', 'svg'] as const)
  for (const size of [28, 44]) {
    for (const [blur, shift] of [[0, 0], [1.2, -60], [1.2, 60], [2, 90]] as const) {
      for (const ch of GLYPH_CHARS) {
        // the character between two H's: the H's give the capital frame the reader also uses
        const { ink, width, height } = await renderInk(`HHH${ch}HHH`, size, blur, shift, via);
        const seg = segmentLine(ink, width, height);
        if (!seg || seg.boxes.length !== 7) {
          console.warn(`skip ${ch} size ${size} blur ${blur}: ${seg?.boxes.length ?? 0} glyphs`);
          continue;
        }
        const capH = seg.bottom - seg.top + 1;
        const b = seg.boxes[3]!;
        const cx = (b.x0 + b.x1 + 1) / 2;
        const cellW = capH * 0.8;
        rows.push({ ch, v: cellVector(ink, width, height, cx - cellW / 2, seg.top - capH * 0.1, cx + cellW / 2, seg.bottom + 1 + capH * 0.1) });
      }
    }
  }
  const size = CELL_W * CELL_H;
  const out = Buffer.alloc(6 + rows.length * (1 + size));
  out.write('MRZG', 0, 'latin1');
  out.writeUInt16LE(rows.length, 4);
  rows.forEach((r, i) => {
    const o = 6 + i * (1 + size);
    out[o] = r.ch.charCodeAt(0);
    for (let k = 0; k < size; k++) out[o + 1 + k] = Math.round(Math.min(1, Math.max(0, r.v[k]!)) * 255);
  });
  writeFileSync(values.out!, out);
  console.log(`${rows.length} templates → ${values.out} (${out.length} bytes)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
