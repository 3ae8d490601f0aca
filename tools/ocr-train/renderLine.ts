/** Renders one MRZ line the way a zone crop looks: OCR-B (or a look-alike), spaced, then degraded. */
import sharp from 'sharp';
import { type Gray, cropToInk, degrade, pad, toGray } from './augment';
import { type Rng, int } from './mrzText';

// Fonts: OCR-B dominates; the others stand in for the OCR-B clones and condensed faces seen on real cards.
const FONTS: Array<[string, number]> = [
  ['OCR B', 0.6],
  ['DejaVu Sans Mono', 0.07],
  ['Liberation Mono', 0.05],
  ['Noto Sans Mono', 0.06],
  ['Nimbus Mono PS Bold', 0.04],
  ['Liberation Sans Narrow', 0.06],
  ['Nimbus Sans Narrow', 0.05],
  ['DejaVu Sans Condensed', 0.04],
  ['OCR B Bold', 0.03],
];
function pickFont(r: Rng): string {
  let x = r() * FONTS.reduce((a, [, w]) => a + w, 0);
  for (const [f, w] of FONTS) if ((x -= w) <= 0) return f;
  return 'OCR B';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function renderLine(text: string, r: Rng, severity: number): Promise<Gray> {
  const font = pickFont(r);
  // Pango letter spacing in 1/1024 pt: MRZ printers space glyphs widely, crops vary a lot.
  const spacing = Math.round((r() < 0.3 ? 0 : r() * 10) * 1024);
  const markup = `<span letter_spacing="${spacing}">${esc(text)}</span>`;
  const img = sharp({ text: { text: markup, font: `${font} 48`, dpi: 72 } });
  let g = await toGray(img.negate({ alpha: false }));
  g = cropToInk(g);
  const h = g.height;
  g = pad(g, int(r, 0, Math.round(h * 0.8)), int(r, Math.round(h * 0.05), Math.round(h * 0.45)),
    int(r, 0, Math.round(h * 0.8)), int(r, Math.round(h * 0.05), Math.round(h * 0.45)));
  return degrade(g, r, severity, int(r, 20, 50));
}

