/**
 * A second, independent recogniser for zone lines: MRZ glyphs are fixed-pitch OCR-B, so a line can
 * be cut into its glyphs and each glyph compared with OCR-B templates (resources/ocr/glyphs.bin,
 * made by tools/ocr-train/make-glyphs.ts). Its reading is one more vote that the check digits
 * arbitrate against the LSTM model's readings; it costs a few milliseconds per line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Raw } from './lines';
import { otsu } from './lines';
import { type Comp, components } from './zone';

/** Cell a glyph is normalised into: CELL_W × CELL_H samples of ink share. */
export const CELL_W = 16;
export const CELL_H = 20;
/** Cell width relative to the capital height (OCR-B advance is about 0.72 of the cap height). */
const CELL_ASPECT = 0.8;
export const GLYPH_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface GlyphTemplates {
  chars: string;
  /** one normalised feature vector per template (several per character) */
  vectors: Float32Array[];
  labels: string[];
}

/** glyphs.bin: "MRZG", u16 count, then per template: u8 char code, CELL_W×CELL_H bytes (ink 0–255). */
export function loadTemplates(dir: string): GlyphTemplates | null {
  const file = join(dir, 'glyphs.bin');
  if (!existsSync(file)) return null;
  const b = readFileSync(file);
  if (b.toString('latin1', 0, 4) !== 'MRZG') return null;
  const n = b.readUInt16LE(4);
  const size = CELL_W * CELL_H;
  const vectors: Float32Array[] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = 6 + i * (1 + size);
    if (o + 1 + size > b.length) return null;
    labels.push(String.fromCharCode(b[o]!));
    const v = new Float32Array(size);
    for (let k = 0; k < size; k++) v[k] = b[o + 1 + k]! / 255;
    vectors.push(normalise(smooth(v)));
  }
  return { chars: GLYPH_CHARS, vectors, labels };
}

/** 3×3 box blur of a cell: tolerance for stroke weight and a pixel of misplacement. */
export function smooth(v: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < CELL_H; y++)
    for (let x = 0; x < CELL_W; x++) {
      let s = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy, xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= CELL_H || xx >= CELL_W) continue;
          s += v[yy * CELL_W + xx]!;
          n++;
        }
      out[y * CELL_W + x] = s / n;
    }
  return out;
}

/** zero mean, unit length: the dot product of two vectors is then their correlation */
export function normalise(v: Float32Array): Float32Array {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let s = 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    out[i] = v[i]! - m;
    s += out[i]! ** 2;
  }
  const k = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < v.length; i++) out[i]! *= k;
  return out;
}

/** Ink share of each cell sample, by area averaging over the source box (x0..x1, y0..y1, fractional). */
export function cellVector(ink: Uint8Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number): Float32Array {
  const v = new Float32Array(CELL_W * CELL_H);
  const sx = (x1 - x0) / CELL_W, sy = (y1 - y0) / CELL_H;
  for (let cy = 0; cy < CELL_H; cy++) {
    const ya = y0 + cy * sy, yb = ya + sy;
    for (let cx = 0; cx < CELL_W; cx++) {
      const xa = x0 + cx * sx, xb = xa + sx;
      let sum = 0, area = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        if (wy <= 0) continue;
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const wx = Math.min(xb, x + 1) - Math.max(xa, x);
          if (wx <= 0) continue;
          const inside = x >= 0 && y >= 0 && x < width && y < height;
          sum += (inside ? ink[y * width + x]! : 0) * wx * wy;
          area += wx * wy;
        }
      }
      v[cy * CELL_W + cx] = area > 0 ? sum / area : 0;
    }
  }
  return v;
}

export interface GlyphBox {
  x0: number;
  x1: number;
  /** false where a glyph should be but nothing was found */
  found: boolean;
  /** top and bottom ink rows of a glyph found whole (not a gap, not a piece cut from touching glyphs) */
  y0?: number;
  y1?: number;
}

/** Frame of the capitals: top and bottom shared by the tall glyphs of the line. */
function capFrame(comps: Comp[]): { top: number; bottom: number } | null {
  const hs = comps.map((c) => c.y1 - c.y0 + 1).sort((a, b) => a - b);
  if (!hs.length) return null;
  const tall = hs[Math.floor(hs.length * 0.75)]!;
  const caps = comps.filter((c) => c.y1 - c.y0 + 1 >= tall * 0.85);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { top: med(caps.map((c) => c.y0)), bottom: med(caps.map((c) => c.y1)) };
}

/** Cuts a line into glyph cells: components, broken glyphs joined, touching ones split by the pitch. */
export function segmentLine(ink: Uint8Array, width: number, height: number): { boxes: GlyphBox[]; top: number; bottom: number } | null {
  let comps = components({ data: ink, width, height }).filter((c) => c.n >= 4);
  if (comps.length < 5) return null;
  const frame = capFrame(comps);
  if (!frame) return null;
  const capH = frame.bottom - frame.top + 1;
  // keep what lies in the text band and is big enough to be a glyph or a filler
  comps = comps.filter((c) => c.y1 >= frame.top - capH * 0.1 && c.y0 <= frame.bottom + capH * 0.1 && c.y1 - c.y0 + 1 >= capH * 0.3 && c.y1 - c.y0 + 1 <= capH * 1.5);
  comps.sort((a, b) => a.x0 - b.x0);
  // join pieces of one glyph (overlapping columns)
  const merged: Comp[] = [];
  for (const c of comps) {
    const last = merged[merged.length - 1];
    if (last && Math.min(last.x1, c.x1) - Math.max(last.x0, c.x0) > 0.5 * Math.min(last.x1 - last.x0 + 1, c.x1 - c.x0 + 1)) {
      last.x0 = Math.min(last.x0, c.x0);
      last.x1 = Math.max(last.x1, c.x1);
      last.y0 = Math.min(last.y0, c.y0);
      last.y1 = Math.max(last.y1, c.y1);
      last.n += c.n;
    } else merged.push({ ...c });
  }
  if (merged.length < 5) return null;
  const centres = merged.map((c) => (c.x0 + c.x1) / 2);
  const steps: number[] = [];
  for (let i = 1; i < centres.length; i++) steps.push(centres[i]! - centres[i - 1]!);
  const pitch = [...steps].sort((a, b) => a - b)[steps.length >> 1]!;
  if (!(pitch > 0)) return null;
  const boxes: GlyphBox[] = [];
  for (let i = 0; i < merged.length; i++) {
    const c = merged[i]!;
    if (i > 0) {
      // a gap of two or more pitches hides glyphs the binarisation lost
      const missing = Math.round(steps[i - 1]! / pitch) - 1;
      for (let k = 1; k <= missing && k < 4; k++) {
        const cx = centres[i - 1]! + k * pitch;
        boxes.push({ x0: cx - pitch * 0.4, x1: cx + pitch * 0.4, found: false });
      }
    }
    const w = c.x1 - c.x0 + 1;
    const parts = w > 1.5 * pitch ? Math.round(w / pitch) : 1;
    for (let k = 0; k < parts; k++) {
      const box: GlyphBox = { x0: c.x0 + (k * w) / parts, x1: c.x0 + ((k + 1) * w) / parts - 1, found: true };
      if (parts === 1) Object.assign(box, { y0: c.y0, y1: c.y1 });
      boxes.push(box);
    }
  }
  return { boxes, top: frame.top, bottom: frame.bottom };
}

export interface GlyphReading {
  text: string;
  /** mean margin between best and second-best character, 0–100 */
  confidence: number;
  /** ink height of each glyph read (null where unknown), position by position with `text` */
  heights: Array<number | null>;
}

/**
 * A glyph's height to a fraction of a pixel: the binarised box gives whole rows, but the gray edge
 * rows tell how much of them the ink covers. O and 0 differ by one or two pixels at zone scale.
 */
function grayHeight(line: Raw, b: GlyphBox & { y0: number; y1: number }, levels: { ink: number; paper: number }): number {
  const { data, width, height } = line;
  const x0 = Math.max(0, Math.floor(b.x0)), x1 = Math.min(width - 1, Math.ceil(b.x1));
  const { ink, paper } = levels;
  const span = Math.max(1, paper - ink);
  let h = 0;
  for (let y = Math.max(0, b.y0 - 2); y <= Math.min(height - 1, b.y1 + 2); y++) {
    let darkest = 255;
    for (let x = x0; x <= x1; x++) darkest = Math.min(darkest, data[y * width + x]!);
    h += Math.min(1, Math.max(0, (paper - darkest) / span));
  }
  return h;
}

/** Ink and paper levels of a line: the means either side of the binarisation cut (every third pixel). */
function inkLevels(line: Raw, cut: number): { ink: number; paper: number } {
  let ink = 0, nInk = 0, paper = 0, nPaper = 0;
  for (let i = 0; i < line.data.length; i += 3) {
    const v = line.data[i]!;
    if (v <= cut) {
      ink += v;
      nInk++;
    } else {
      paper += v;
      nPaper++;
    }
  }
  return { ink: nInk ? ink / nInk : 0, paper: nPaper ? paper / nPaper : 255 };
}

/** Reads a line image (gray, dark text) glyph by glyph. */
export function readGlyphs(line: Raw, t: GlyphTemplates): GlyphReading | null {
  const cut = otsu(line.data);
  const ink = new Uint8Array(line.width * line.height);
  for (let i = 0; i < ink.length; i++) ink[i] = line.data[i]! <= cut ? 1 : 0;
  const seg = segmentLine(ink, line.width, line.height);
  if (!seg) return null;
  const capH = seg.bottom - seg.top + 1;
  const cellW = capH * CELL_ASPECT;
  // a margin of a tenth of the cap height above and below, as in the templates
  const y0 = seg.top - capH * 0.1, y1 = seg.bottom + 1 + capH * 0.1;
  let text = '';
  let margins = 0;
  const levels = inkLevels(line, cut);
  const heights = seg.boxes.map((b) => (b.y0 === undefined || b.y1 === undefined ? null : grayHeight(line, { ...b, y0: b.y0, y1: b.y1 }, levels)));
  for (const b of seg.boxes) {
    if (!b.found) {
      text += '<';
      continue;
    }
    const cx = (b.x0 + b.x1 + 1) / 2;
    // the capital frame is estimated per line; let each glyph sit a little higher or lower
    const shift = capH * 0.06;
    const views = [0, -shift, shift].map((dy) => normalise(smooth(cellVector(ink, line.width, line.height, cx - cellW / 2, y0 + dy, cx + cellW / 2, y1 + dy))));
    let best = -2, second = -2, bestLabel = '<';
    const perChar = new Map<string, number>();
    for (let k = 0; k < t.vectors.length; k++) {
      const tv = t.vectors[k]!;
      let s = -2;
      for (const v of views) {
        let d = 0;
        for (let i = 0; i < tv.length; i++) d += tv[i]! * v[i]!;
        if (d > s) s = d;
      }
      const l = t.labels[k]!;
      if (s > (perChar.get(l) ?? -2)) perChar.set(l, s);
    }
    for (const [l, s] of perChar) {
      if (s > best) {
        second = best;
        best = s;
        bestLabel = l;
      } else if (s > second) second = s;
    }
    text += bestLabel;
    margins += Math.max(0, best - second);
  }
  return { text, confidence: Math.round(Math.min(100, (margins / Math.max(1, seg.boxes.length)) * 400)), heights };
}
