/**
 * Image degradations that make clean renderings look like the zones officers actually scan:
 * thick or thin binarised strokes, low resolution, blur, sensor noise, skew, perspective,
 * weak contrast, JPEG blocks and print defects (ribbon streaks, toner specks, broken strokes).
 * Works on 8-bit grayscale raw buffers (dark text on light paper).
 */
import sharp, { type Sharp, type KernelEnum } from 'sharp';
import { type Rng, int } from './mrzText';

export interface Gray {
  data: Buffer;
  width: number;
  height: number;
}

export async function toGray(img: Sharp): Promise<Gray> {
  const { data, info } = await img.grayscale().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected 1 channel, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

export const fromGray = (g: Gray) => sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } });

const gauss = (rng: Rng) => {
  const u = Math.max(rng(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
};

/** Blur then threshold: a low cut thins strokes, a high cut fattens them (like over-inked or eroded print). */
export async function strokeWeight(g: Gray, sigma: number, cut: number): Promise<Gray> {
  const b = await toGray(fromGray(g).blur(Math.max(0.3, sigma)));
  for (let i = 0; i < b.data.length; i++) b.data[i] = b.data[i]! < cut ? 0 : 255;
  return b;
}

export async function resizeHeight(g: Gray, h: number, kernel: keyof KernelEnum = 'lanczos3'): Promise<Gray> {
  const w = Math.max(8, Math.round((g.width * h) / g.height));
  return toGray(fromGray(g).resize(w, Math.max(6, Math.round(h)), { fit: 'fill', kernel }));
}

export async function rotateShear(g: Gray, deg: number, shear: number, vscale = 1): Promise<Gray> {
  let cur = g;
  if (shear !== 0 || vscale !== 1) cur = await toGray(fromGray(cur).affine([[1, shear], [0, vscale]], { background: '#ffffff' }));
  if (deg !== 0) cur = await toGray(fromGray(cur).rotate(deg, { background: '#ffffff' }));
  return cur;
}

export function pad(g: Gray, left: number, top: number, right: number, bottom: number, value = 255): Gray {
  const w = g.width + left + right;
  const h = g.height + top + bottom;
  const out = Buffer.alloc(w * h, value);
  for (let y = 0; y < g.height; y++) g.data.copy(out, (y + top) * w + left, y * g.width, (y + 1) * g.width);
  return { data: out, width: w, height: h };
}

/** Crop to the ink with a margin, so lines look like the tight crops of a zone finder. */
export function cropToInk(g: Gray, cut = 128): Gray {
  let x0 = g.width, x1 = -1, y0 = g.height, y1 = -1;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if (g.data[y * g.width + x]! < cut) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x1 < 0) return g;
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  const out = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) g.data.copy(out, y * w, (y + y0) * g.width + x0, (y + y0) * g.width + x0 + w);
  return { data: out, width: w, height: h };
}

/** Toner specks, broken strokes and ribbon streaks. */
export function printDefects(g: Gray, rng: Rng, amount: number): void {
  const { data, width, height } = g;
  const n = Math.round(amount * width * height * 0.002);
  for (let k = 0; k < n; k++) {
    const x = int(rng, 0, width - 1), y = int(rng, 0, height - 1);
    const r = rng() < 0.8 ? 0 : 1;
    const v = rng() < 0.7 ? 255 : 0; // mostly white gaps in strokes, some dark specks
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < width && yy < height) data[yy * width + xx] = v;
      }
  }
  if (rng() < amount * 0.12) {
    // a horizontal streak across the line, like a dry ribbon or a scanner lamp artefact
    const y = int(rng, Math.floor(height * 0.2), Math.floor(height * 0.8));
    const v = rng() < 0.85 ? 255 : 90;
    for (let x = 0; x < width; x++) data[y * width + x] = v;
  }
}

/** Paper and ink levels, an illumination gradient, and sensor noise. */
export function tone(g: Gray, rng: Rng, opts: { ink: number; paper: number; gradient: number; noise: number }): void {
  const { data, width, height } = g;
  const gx = (rng() - 0.5) * opts.gradient;
  const gy = (rng() - 0.5) * opts.gradient;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const t = data[i]! / 255;
      let v = opts.ink + t * (opts.paper - opts.ink) + gx * (x / width - 0.5) * 255 + gy * (y / height - 0.5) * 255;
      if (opts.noise > 0) v += gauss(rng) * opts.noise;
      data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
}

export function binarise(g: Gray, cut?: number): void {
  let c = cut;
  if (c === undefined) {
    let s = 0;
    for (const v of g.data) s += v;
    c = s / g.data.length;
    // mean of a mostly-paper image sits near the paper; pull the cut towards the ink
    let lo = 0, nlo = 0;
    for (const v of g.data) if (v < c) { lo += v; nlo++; }
    c = nlo ? (c + lo / nlo) / 2 : c;
  }
  for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! < c ? 0 : 255;
}

export async function jpeg(g: Gray, quality: number): Promise<Gray> {
  const buf = await fromGray(g).jpeg({ quality }).toBuffer();
  return toGray(sharp(buf));
}

export interface AugmentLevel {
  /** 0 = clean, 1 = as bad as the worst real crops. */
  severity: number;
}

/**
 * Full degradation chain for one line (or a whole page, with a lower severity).
 * `textHeight` is the target cap height in pixels after degradation.
 */
export async function degrade(src: Gray, rng: Rng, severity: number, textHeight: number): Promise<Gray> {
  let g = src;
  const s = severity;
  // stroke weight first, at high resolution, where it behaves like ink spread or erosion
  if (rng() < 0.6 * s + 0.1) g = await strokeWeight(g, 0.6 + rng() * 2.2, 60 + rng() * 170);
  // geometry: skew, shear (perspective on a short line is close to shear + vertical scale)
  const deg = (rng() - 0.5) * 3 * s;
  const shear = rng() < 0.5 * s ? (rng() - 0.5) * 0.3 : 0;
  if (deg !== 0 || shear !== 0) g = await rotateShear(g, deg, shear);
  // resolution: down to a small height, optionally back up (pixelated upscales are common in crops)
  const small = textHeight * (0.75 + rng() * 0.5);
  g = await resizeHeight(g, Math.max(16, small), rng() < 0.5 ? 'nearest' : 'lanczos3');
  if (rng() < 0.4) g = await resizeHeight(g, g.height * (1.3 + rng() * 1.6), rng() < 0.5 ? 'nearest' : 'cubic');
  if (rng() < 0.5 * s) g = await toGray(fromGray(g).blur(0.3 + rng() * 1.2 * s));
  printDefects(g, rng, s * rng());
  tone(g, rng, {
    ink: rng() * 110 * s,
    paper: 255 - rng() * 110 * s,
    gradient: rng() * 0.5 * s,
    noise: rng() * 22 * s,
  });
  const r = rng();
  if (r < 0.55) binarise(g);
  else if (r < 0.85) g = await jpeg(g, int(rng, Math.round(90 - 60 * s), 95));
  return g;
}

/** A slow vertical wave along the line, like a curved page or a bent card under a camera. */
export function wave(g: Gray, amplitude: number, period: number, phase: number): Gray {
  const { data, width, height } = g;
  const out = Buffer.alloc(width * height, 255);
  for (let x = 0; x < width; x++) {
    const dy = amplitude * Math.sin((2 * Math.PI * x) / period + phase);
    const y0 = Math.floor(dy), f = dy - y0;
    for (let y = 0; y < height; y++) {
      const a = y + y0, b = a + 1;
      const va = a >= 0 && a < height ? data[a * width + x]! : 255;
      const vb = b >= 0 && b < height ? data[b * width + x]! : 255;
      out[y * width + x] = Math.round(va * (1 - f) + vb * f);
    }
  }
  return { data: out, width, height };
}

/**
 * New looks for a REAL line crop (binarised, tight, about 57 px high in mrz-lines): other margins,
 * pitch, slant, baseline waves, stroke weights, resolutions and finishes. The glyphs stay the real
 * printed and photographed ones, which synthetic rendering cannot match; only their geometry and
 * ink change, so one real line teaches several ways the same print can reach the recogniser.
 */
export async function reshapeReal(src: Gray, r: Rng): Promise<Gray> {
  let g = cropToInk(src);
  const h = g.height;
  g = pad(g, int(r, 0, Math.round(h * 0.5)), int(r, 0, Math.round(h * 0.3)), int(r, 0, Math.round(h * 0.5)), int(r, 0, Math.round(h * 0.3)));
  // pitch: wider or narrower printing, as between issuers and camera angles
  const sx = 0.82 + r() * 0.38;
  g = await toGray(fromGray(g).resize(Math.max(16, Math.round(g.width * sx)), g.height, { fit: 'fill', kernel: 'cubic' }));
  const deg = (r() - 0.5) * 2.4;
  const shear = r() < 0.5 ? (r() - 0.5) * 0.24 : 0;
  if (Math.abs(deg) > 0.05 || shear !== 0) g = await rotateShear(g, deg, shear);
  if (r() < 0.35) g = wave(g, h * (0.02 + r() * 0.06), h * (4 + r() * 14), r() * 6.3);
  // stroke weight at double resolution, where a threshold after blur thins or fattens smoothly
  if (r() < 0.6) {
    const up = await resizeHeight(g, g.height * 2, 'cubic');
    const w = await strokeWeight(up, 0.8 + r() * 1.8, 70 + r() * 130);
    g = await resizeHeight(w, g.height, 'lanczos3');
  }
  g = await resizeHeight(g, int(r, 22, 66), r() < 0.3 ? 'nearest' : 'lanczos3');
  if (r() < 0.25) g = await toGray(fromGray(g).blur(0.3 + r() * 0.9));
  if (r() < 0.4) printDefects(g, r, 0.2 + r() * 0.6);
  const f = r();
  if (f < 0.6) binarise(g, 110 + r() * 40);
  else {
    tone(g, r, { ink: r() * 70, paper: 255 - r() * 70, gradient: r() * 0.3, noise: r() * 14 });
    if (f > 0.85) g = await jpeg(g, int(r, 40, 90));
  }
  return g;
}
