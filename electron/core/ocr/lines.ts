/**
 * From a found zone to line images the model can read: crop around the zone, level it, split it
 * into its lines by the ink profile, and prepare each line in a few different ways (the retries).
 */
import sharp, { type Sharp, type KernelEnum } from 'sharp';
import type { GrayImage } from './decode';

export interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

export const rawSharp = (r: Raw) => sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } });

export async function toRaw(img: Sharp): Promise<Raw> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 1) return { data, width: info.width, height: info.height };
  const out = Buffer.alloc(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels]!;
  return { data: out, width: info.width, height: info.height };
}

/** Rotates the working image by a multiple of 90° (clockwise). */
export async function orient(g: GrayImage | Raw, quarter: number): Promise<Raw> {
  if (quarter % 360 === 0) return { data: g.data, width: g.width, height: g.height };
  return toRaw(rawSharp(g).rotate(quarter));
}

export function crop(r: Raw, x0: number, y0: number, x1: number, y1: number): Raw {
  const xa = Math.max(0, Math.floor(x0)), ya = Math.max(0, Math.floor(y0));
  const xb = Math.min(r.width, Math.ceil(x1)), yb = Math.min(r.height, Math.ceil(y1));
  const w = Math.max(1, xb - xa), h = Math.max(1, yb - ya);
  const out = Buffer.alloc(w * h, 255);
  for (let y = 0; y < h && ya + y < r.height; y++) r.data.copy(out, y * w, (ya + y) * r.width + xa, (ya + y) * r.width + xa + Math.min(w, r.width - xa));
  return { data: out, width: w, height: h };
}

export function rotate180(r: Raw): Raw {
  const out = Buffer.alloc(r.data.length);
  for (let i = 0, n = r.data.length; i < n; i++) out[i] = r.data[n - 1 - i]!;
  return { data: out, width: r.width, height: r.height };
}

/** Otsu's threshold over a histogram of the region. */
export function otsu(data: Buffer | Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]!++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0, wB = 0, best = 0, cut = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      cut = t;
    }
  }
  return cut;
}

export interface Band {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/**
 * Splits a levelled zone crop into its `count` lines by the row profile of the ink.
 * Returns null when the profile does not show that many lines.
 */
export function splitBands(r: Raw, count: number, charHeight: number): Band[] | null {
  const cut = otsu(r.data);
  const prof = new Float64Array(r.height);
  for (let y = 0; y < r.height; y++) {
    let s = 0;
    for (let x = 0; x < r.width; x++) if (r.data[y * r.width + x]! <= cut) s++;
    prof[y] = s;
  }
  const max = Math.max(...prof);
  if (max <= 0) return null;
  const on = (y: number) => prof[y]! > max * 0.12;
  let bands: Band[] = [];
  for (let y = 0; y < r.height; ) {
    if (!on(y)) {
      y++;
      continue;
    }
    const y0 = y;
    while (y < r.height && on(y)) y++;
    bands.push({ y0, y1: y - 1, x0: 0, x1: r.width - 1 });
  }
  // join pieces of one line split by a thin gap (e.g. chevrons lower than capitals)
  const joined: Band[] = [];
  for (const b of bands) {
    const last = joined[joined.length - 1];
    if (last && b.y0 - last.y1 < charHeight * 0.3 && b.y1 - last.y0 < charHeight * 1.5) last.y1 = b.y1;
    else joined.push({ ...b });
  }
  bands = joined.filter((b) => b.y1 - b.y0 + 1 >= charHeight * 0.45);
  if (bands.length < count) return null;
  // the `count` bands with the most ink
  const ink = (b: Band) => {
    let s = 0;
    for (let y = b.y0; y <= b.y1; y++) s += prof[y]!;
    return s;
  };
  bands = bands.sort((p, q) => ink(q) - ink(p)).slice(0, count).sort((p, q) => p.y0 - q.y0);
  for (const b of bands) {
    let x0 = r.width, x1 = -1;
    for (let x = 0; x < r.width; x++) {
      let n = 0;
      for (let y = b.y0; y <= b.y1; y++) if (r.data[y * r.width + x]! <= cut) n++;
      // a column dark through the band and beyond it is the scanner bed or the page edge, not a glyph
      const m = Math.max(2, Math.round((b.y1 - b.y0 + 1) * 0.4));
      const dark = (y: number) => y >= 0 && y < r.height && r.data[y * r.width + x]! <= cut;
      const bed = n >= 0.9 * (b.y1 - b.y0 + 1) && dark(b.y0 - m) && dark(b.y1 + m);
      if (n > 0 && !bed) {
        if (x < x0) x0 = x;
        x1 = x;
      }
    }
    b.x0 = x0;
    b.x1 = Math.max(x0, x1);
  }
  return bands;
}

export type Variant = 'gray' | 'binary' | 'bold' | 'sharp';
export const VARIANTS: Variant[] = ['gray', 'binary', 'bold', 'sharp'];

/**
 * One line, cut with the margins the model was trained with (about a fifth of the glyph height
 * above and below) and prepared as `variant`. Returns a PNG for the recogniser.
 */
export async function lineImage(zone: Raw, b: Band, charHeight: number, pitch: number, variant: Variant): Promise<Buffer> {
  return (await prepareLine(zone, b, charHeight, pitch, variant)).png({ compressionLevel: 1 }).toBuffer();
}

/** The line as a gray raster (for the glyph recogniser), prepared like lineImage. */
export async function lineRaw(zone: Raw, b: Band, charHeight: number, pitch: number, variant: Variant): Promise<Raw> {
  return toRaw(await prepareLine(zone, b, charHeight, pitch, variant));
}

/**
 * Where a line image sits in the zone: its crop (the band with margins, within the zone) and the
 * scale it is resized by, so that a position the recogniser reports maps back to zone pixels.
 */
export function lineFrame(zone: Raw, b: Band, charHeight: number, pitch: number, variant: Variant) {
  const h = b.y1 - b.y0 + 1;
  const mv = Math.max(2, Math.round(h * 0.2));
  const mh = Math.max(3, Math.round(pitch * 0.6));
  const box = { x0: b.x0 - mh, y0: b.y0 - mv, x1: b.x1 + mh + 1, y1: b.y1 + mv + 1 };
  // lines taller than the model needs only cost time; shorter ones are scaled up a little
  const target = variant === 'sharp' ? 56 : 44;
  const wanted = Math.min(2.5, target / Math.max(1, charHeight + 2 * mv));
  const scale = Math.abs(wanted - 1) > 0.08 ? wanted : 1;
  // the zone x of a line image's x (crop clamps at the zone's edge)
  const toZone = (x: number) => x / scale + Math.max(0, Math.floor(box.x0));
  return { box, scale, toZone };
}

async function prepareLine(zone: Raw, b: Band, charHeight: number, pitch: number, variant: Variant): Promise<Sharp> {
  const { box, scale } = lineFrame(zone, b, charHeight, pitch, variant);
  const line = crop(zone, box.x0, box.y0, box.x1, box.y1);
  let img = rawSharp(line);
  if (scale !== 1) img = img.resize(Math.max(8, Math.round(line.width * scale)), Math.max(8, Math.round(line.height * scale)), { kernel: 'cubic' });
  img = img.normalise({ lower: 1, upper: 99 });
  if (variant === 'binary' || variant === 'bold') {
    const r = await toRaw(img);
    const t = otsu(r.data) + (variant === 'bold' ? 25 : 0);
    for (let i = 0; i < r.data.length; i++) r.data[i] = r.data[i]! <= t ? 0 : 255;
    img = rawSharp(r);
  } else if (variant === 'sharp') {
    img = img.sharpen({ sigma: 1 });
  }
  return img;
}
