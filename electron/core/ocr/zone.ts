/**
 * Finds the machine readable zone on a page: rows of evenly pitched, same-height glyphs, two or
 * three of them stacked, parallel and left-aligned. Works on glyph-sized connected components, so
 * it does not care about the page's scale, and it measures the skew from the glyph centres.
 */

export interface Bin {
  /** 1 = ink */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Comp {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
}

export interface Row {
  comps: Comp[];
  /** least-squares line through the glyph centres: y = a + b·x */
  a: number;
  b: number;
  height: number;
  pitch: number;
  x0: number;
  x1: number;
}

export interface ZoneFound {
  rows: Row[];
  /** skew in degrees (positive = the zone rises to the left, i.e. rotate clockwise to level it... see angleOf) */
  angle: number;
  /** axis-aligned box around the zone, in the searched image's pixels */
  box: { x0: number; y0: number; x1: number; y1: number };
  charHeight: number;
  pitch: number;
}

/** Dark-on-light binarisation against the local mean: survives uneven light from phone photos. */
export function adaptiveBinarise(gray: Uint8Array | Buffer, width: number, height: number, window: number, offset: number): Bin {
  const W = width + 1;
  // 32-bit sums suffice: 2400 × 2400 × 255 < 2^31
  const integral = new Int32Array(W * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    const o = (y + 1) * W, p = y * W, g = y * width;
    for (let x = 0; x < width; x++) {
      rowSum += gray[g + x]!;
      integral[o + x + 1] = integral[p + x + 1]! + rowSum;
    }
  }
  const r = Math.max(1, window >> 1);
  const xa = new Int32Array(width), xb = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    xa[x] = Math.max(0, x - r);
    xb[x] = Math.min(width, x + r + 1);
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - r), yb = Math.min(height, y + r + 1);
    const oa = ya * W, ob = yb * W, g = y * width, dy = yb - ya;
    for (let x = 0; x < width; x++) {
      const a = xa[x]!, b = xb[x]!;
      const sum = integral[ob + b]! - integral[oa + b]! - integral[ob + a]! + integral[oa + a]!;
      // pixel < mean - offset, without the division
      out[g + x] = gray[g + x]! * dy * (b - a) < sum - offset * dy * (b - a) ? 1 : 0;
    }
  }
  return { data: out, width, height };
}

/** 8-connected components with their boxes, labelled run by run (ink is a small share of a page). */
export function components(bin: Bin, maxRuns = 2_000_000): Comp[] {
  const { data, width, height } = bin;
  // runs: start, end (inclusive), row, and a union-find parent
  const rs: number[] = [], re: number[] = [], ry: number[] = [], parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  let prevStart = 0, prevEnd = 0;
  for (let y = 0; y < height; y++) {
    const rowStart = rs.length;
    const g = y * width;
    let x = 0;
    let p = prevStart;
    while (x < width) {
      if (!data[g + x]) {
        x++;
        continue;
      }
      const s = x;
      while (x < width && data[g + x]) x++;
      const e = x - 1;
      const id = rs.length;
      if (id >= maxRuns) return []; // pure noise: no page to read here
      rs.push(s);
      re.push(e);
      ry.push(y);
      parent.push(id);
      // runs of the previous row touching this one (8-connected: one pixel of slack each side)
      while (p < prevEnd && re[p]! < s - 1) p++;
      for (let q = p; q < prevEnd && rs[q]! <= e + 1; q++) {
        const ra = find(q), rb = find(id);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    prevStart = rowStart;
    prevEnd = rs.length;
  }
  const boxes = new Map<number, Comp>();
  for (let i = 0; i < rs.length; i++) {
    const l = find(i);
    const c = boxes.get(l);
    const n = re[i]! - rs[i]! + 1;
    if (!c) boxes.set(l, { x0: rs[i]!, y0: ry[i]!, x1: re[i]!, y1: ry[i]!, n });
    else {
      if (rs[i]! < c.x0) c.x0 = rs[i]!;
      if (re[i]! > c.x1) c.x1 = re[i]!;
      if (ry[i]! < c.y0) c.y0 = ry[i]!;
      if (ry[i]! > c.y1) c.y1 = ry[i]!;
      c.n += n;
    }
  }
  return [...boxes.values()];
}

const cy = (c: Comp) => (c.y0 + c.y1) / 2;
const ch = (c: Comp) => c.y1 - c.y0 + 1;
const cw = (c: Comp) => c.x1 - c.x0 + 1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

function fitRow(comps: Comp[]): Row {
  const xs = comps.map((c) => (c.x0 + c.x1) / 2);
  const ys = comps.map(cy);
  const n = comps.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  const gaps: number[] = [];
  for (let i = 1; i < n; i++) gaps.push(xs[i]! - xs[i - 1]!);
  return {
    comps,
    a: my - b * mx,
    b,
    height: median(comps.map(ch)),
    pitch: median(gaps),
    x0: Math.min(...comps.map((c) => c.x0)),
    x1: Math.max(...comps.map((c) => c.x1)),
  };
}

/** Chains glyph-like components into text rows (tolerates ±12° of skew). */
export function findRows(comps: Comp[], minGlyphs = 14): Row[] {
  const glyphs = comps
    .filter((c) => ch(c) >= 5 && ch(c) <= 200 && cw(c) <= ch(c) * 2.6 && cw(c) * ch(c) >= 12 && c.n >= 8)
    .sort((p, q) => p.x0 - q.x0);
  const next = new Int32Array(glyphs.length).fill(-1);
  const pred = new Int32Array(glyphs.length).fill(-1);
  const predGap = new Float64Array(glyphs.length).fill(Infinity);
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    const h = ch(g);
    let best = -1, bestGap = Infinity;
    for (let j = i + 1; j < glyphs.length; j++) {
      const o = glyphs[j]!;
      const gap = o.x0 - g.x1;
      if (gap > 4 * h) break;
      if (gap > 1.6 * Math.max(h, ch(o)) || gap < -0.2 * h) continue;
      const ho = ch(o);
      const ratio = Math.max(h, ho) / Math.min(h, ho);
      if (ratio > 2.3) continue;
      if (Math.abs(cy(o) - cy(g)) > 0.3 * Math.max(h, ho) + Math.max(0, gap) * 0.22) continue;
      const score = Math.max(0, gap) + Math.abs(cy(o) - cy(g)) * 2;
      if (score < bestGap) {
        bestGap = score;
        best = j;
      }
    }
    if (best >= 0 && bestGap < predGap[best]!) {
      // keep only the closest predecessor of each glyph, so rows never fork
      if (pred[best]! >= 0) next[pred[best]!] = -1;
      next[i] = best;
      pred[best] = i;
      predGap[best] = bestGap;
    }
  }
  const hasPrev = new Uint8Array(glyphs.length);
  for (const j of next) if (j >= 0) hasPrev[j] = 1;
  const rows: Row[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    if (hasPrev[i]) continue;
    const chain: Comp[] = [];
    for (let k = i; k >= 0; k = next[k]!) chain.push(glyphs[k]!);
    if (chain.length >= 6) rows.push(fitRow(chain));
  }
  return mergeCollinear(rows).map(trimEnds).filter((r) => r.comps.length >= minGlyphs && isEvenlyPitched(r));
}

/** Drops specks or page edges chained onto either end of a row across a gap wider than the pitch. */
function trimEnds(r: Row): Row {
  let comps = r.comps;
  const cx = (c: Comp) => (c.x0 + c.x1) / 2;
  for (let pass = 0; pass < 3 && comps.length > 4; pass++) {
    const n = comps.length;
    const headGap = cx(comps[1]!) - cx(comps[0]!);
    const tailGap = cx(comps[n - 1]!) - cx(comps[n - 2]!);
    if (headGap > 1.6 * r.pitch) comps = comps.slice(1);
    else if (tailGap > 1.6 * r.pitch) comps = comps.slice(0, -1);
    else break;
  }
  return comps === r.comps ? r : fitRow(comps);
}

/** Rows broken by a smudge or a wide gap are joined when they lie on one line. */
function mergeCollinear(rows: Row[]): Row[] {
  const sorted = [...rows].sort((p, q) => p.x0 - q.x0);
  const used = new Uint8Array(sorted.length);
  const out: Row[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (used[i]) continue;
    let cur = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      if (used[j]) continue;
      const o = sorted[j]!;
      const gap = o.x0 - cur.x1;
      const h = Math.max(cur.height, o.height);
      if (gap < -h || gap > 8 * Math.max(cur.pitch, o.pitch, h)) continue;
      const yAt = cur.a + cur.b * ((o.x0 + o.x1) / 2);
      const oy = o.a + o.b * ((o.x0 + o.x1) / 2);
      if (Math.abs(yAt - oy) > 0.4 * h || Math.max(cur.height, o.height) / Math.min(cur.height, o.height) > 1.5) continue;
      cur = fitRow([...cur.comps, ...o.comps].sort((p, q) => p.x0 - q.x0));
      used[j] = 1;
    }
    out.push(cur);
  }
  return out;
}

/** Share of centre-to-centre steps that are whole multiples of the pitch, less the spread of glyph heights. */
function regularity(r: Row): number {
  const xs = r.comps.map((c) => (c.x0 + c.x1) / 2);
  let even = 0;
  for (let i = 1; i < xs.length; i++) {
    const k = (xs[i]! - xs[i - 1]!) / r.pitch;
    if (Math.abs(k - Math.round(k)) < 0.15) even++;
  }
  const hs = r.comps.map(ch).filter((h) => h > r.height * 0.8);
  const spread = hs.length ? (Math.max(...hs) - Math.min(...hs)) / r.height : 1;
  return even / Math.max(1, xs.length - 1) - Math.min(1, spread);
}

/** MRZ glyphs are fixed pitch: most centre-to-centre steps equal the median step. */
function isEvenlyPitched(r: Row): boolean {
  if (r.pitch <= 0) return false;
  let even = 0;
  const xs = r.comps.map((c) => (c.x0 + c.x1) / 2);
  for (let i = 1; i < xs.length; i++) {
    const k = (xs[i]! - xs[i - 1]!) / r.pitch;
    if (Math.abs(k - Math.round(k)) < 0.3 && Math.round(k) >= 1) even++;
  }
  return even >= 0.7 * (xs.length - 1) && r.pitch < 2.2 * r.height && r.pitch > 0.45 * r.height;
}

/** Rows stacked as a zone: same pitch, parallel, left edges aligned, line spacing 1.2–3 glyph heights. */
export function groupZone(rows: Row[]): ZoneFound | null {
  const byY = [...rows].sort((p, q) => p.a + p.b * p.x0 - (q.a + q.b * q.x0));
  let best: { rows: Row[]; score: number } | null = null;
  for (let i = 0; i < byY.length; i++) {
    const group = [byY[i]!];
    for (let j = i + 1; j < byY.length && group.length < 3; j++) {
      const last = group[group.length - 1]!;
      const o = byY[j]!;
      const pitch = (last.pitch + o.pitch) / 2;
      if (Math.abs(last.pitch - o.pitch) > 0.15 * pitch) continue;
      // lines of one zone hold the same number of characters (a few may merge or break)
      if (Math.abs(last.comps.length - o.comps.length) > 0.2 * Math.max(last.comps.length, o.comps.length)) continue;
      if (Math.abs(Math.atan(last.b) - Math.atan(o.b)) > 0.05) continue;
      const xm = (Math.max(last.x0, o.x0) + Math.min(last.x1, o.x1)) / 2;
      const dy = o.a + o.b * xm - (last.a + last.b * xm);
      const h = Math.max(last.height, o.height);
      if (dy < 1.1 * h || dy > 3.2 * h) continue;
      // lines of one zone overlap over most of the shorter one (their ends may differ by fillers lost to glare)
      const overlap = Math.min(last.x1, o.x1) - Math.max(last.x0, o.x0);
      if (overlap < 0.7 * Math.min(last.x1 - last.x0, o.x1 - o.x0)) continue;
      if (Math.abs(o.x0 - last.x0) > 4 * pitch + Math.abs(last.b) * dy) continue;
      if (group.length === 2) {
        const first = group[0]!;
        const dy1 = last.a + last.b * xm - (first.a + first.b * xm);
        if (Math.abs(dy - dy1) > 0.35 * dy1) continue;
      }
      group.push(o);
    }
    if (group.length < 2) continue;
    const glyphs = group.reduce((a, r) => a + r.comps.length, 0);
    // prefer full zones, then the lowest on the page (the zone is at the bottom of a data page)
    // fixed pitch and capitals-only height set the zone apart from printed field labels
    const score = glyphs + group.length * 10 + group.reduce((a, r) => a + 30 * regularity(r), 0);
    if (!best || score > best.score) best = { rows: group, score };
  }
  if (!best) {
    // a single long row is still worth reading if it looks like a zone line (e.g. the other line is glared out)
    return null;
  }
  const zr = best.rows;
  // skew from all glyph centres, each row's offset removed
  let sxy = 0, sxx = 0;
  for (const r of zr) {
    const xs = r.comps.map((c) => (c.x0 + c.x1) / 2);
    const ys = r.comps.map(cy);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    for (let k = 0; k < xs.length; k++) {
      sxy += (xs[k]! - mx) * (ys[k]! - my);
      sxx += (xs[k]! - mx) ** 2;
    }
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const all = zr.flatMap((r) => r.comps);
  return {
    rows: zr,
    angle: (Math.atan(slope) * 180) / Math.PI,
    box: {
      x0: Math.min(...all.map((c) => c.x0)),
      y0: Math.min(...all.map((c) => c.y0)),
      x1: Math.max(...all.map((c) => c.x1)),
      y1: Math.max(...all.map((c) => c.y1)),
    },
    charHeight: median(zr.map((r) => r.height)),
    pitch: median(zr.map((r) => r.pitch)),
  };
}
