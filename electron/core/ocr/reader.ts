/**
 * Reads the machine readable zone from an image of a data page.
 * decode → find the zone (upright or turned 90°) → level it → split into lines → read each line
 * with the project's model → repair with the check digits. When the zone does not validate, the
 * lines are read again with other preprocessing (and the page turned 180°), and the check digits
 * arbitrate between the readings. Nothing is guessed beyond what the check digits prove.
 */
import type { MrzResult } from '../mrz/index';
import { type GrayImage, DEFAULT_MAX_PIXELS, decodeGray, readInput } from './decode';
import { type GlyphReading, type GlyphTemplates, loadTemplates, readGlyphs } from './glyphs';
import { type Band, type Raw, type Variant, VARIANTS, crop, lineFrame, lineImage, lineRaw, orient, rawSharp, rotate180, splitBands, toRaw } from './lines';
import { type LineRecogniser, type RecogniserPool, defaultModelDir, defaultWorkers, startRecogniser } from './model';
import type { MrzReader, MrzReaderOptions, OcrLine, OcrResult } from './types';
import { resolveZeroOh } from './zeroOh';
import { type ZoneFound, adaptiveBinarise, components, findRows, groupZone } from './zone';

/** Long side of the image the zone is searched in: glyphs stay 8+ px even on a phone photo. */
const DETECT_MAX_SIDE = 1000;

interface Located {
  quarter: number;
  zone: ZoneFound;
  /** working pixels per detection pixel */
  f: number;
  detHeight: number;
}

export async function locateZone(work: GrayImage | Raw): Promise<Located | null> {
  const long = Math.max(work.width, work.height);
  const f = long > DETECT_MAX_SIDE ? long / DETECT_MAX_SIDE : 1;
  const det: Raw = f > 1
    ? await toRaw(rawSharp(work).resize(Math.round(work.width / f), Math.round(work.height / f), { fit: 'fill' }))
    : { data: work.data, width: work.width, height: work.height };
  // A small offset keeps faint print; a large one drops security-print lines (guilloches) that,
  // binarised as ink, weld the fillers together. The second runs only when the first finds nothing.
  for (const offset of [10, 32]) {
    for (const quarter of [0, 90]) {
      const d = await orient(det, quarter);
      const window = Math.max(15, Math.round(Math.max(d.width, d.height) / 30)) | 1;
      const bin = adaptiveBinarise(d.data, d.width, d.height, window, offset);
      const zone = groupZone(findRows(components(bin)));
      if (zone) return { quarter, zone, f, detHeight: d.height };
    }
  }
  return null;
}

const clean = (t: string) => t.toUpperCase().replace(/[^A-Z0-9<]/g, '');

export interface Reading {
  attempt: string;
  flipped: boolean;
  read: OcrLine[];
  /** glyph recogniser only: ink height of each glyph it read, per line */
  heights?: Array<Array<number | null> | undefined>;
  /** glyph recogniser only: per line, whether the model read as many characters (so heights fit its line too) */
  aligned?: boolean[];
}

export function createMrzReader(opts: MrzReaderOptions = {}): MrzReader & { ready(): Promise<void> } {
  const modelDir = opts.modelDir ?? defaultModelDir();
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  let recogniser: Promise<RecogniserPool> | null = startRecogniser(modelDir, opts.workers ?? defaultWorkers());
  const templates = loadTemplates(modelDir);
  // a failed start is reported on read(), not as an unhandled rejection
  recogniser.catch(() => undefined);
  let queue: Promise<unknown> = Promise.resolve();

  const getRecogniser = () => {
    if (!recogniser) throw new Error('the MRZ reader was closed');
    return recogniser;
  };

  async function readOne(image: Buffer | string): Promise<OcrResult> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    // the image is decoded and searched while the worker starts (the first page after start)
    const starting = getRecogniser();
    const work = await decodeGray(await readInput(image), maxPixels);
    const found = await locateZone(work);
    if (!found) {
      // a model that failed to load is reported before any answer about the image
      await starting;
      return { ok: false, code: 'no_zone', reason: 'no machine readable zone found on the image: place the data page flat, the zone fully visible, and scan again.', ms: ms() };
    }
    const { quarter, zone, f } = found;
    const page = await orient(work, quarter);
    const chH = zone.charHeight * f;
    const pitch = zone.pitch * f;
    const bw = (zone.box.x1 - zone.box.x0) * f;
    const slant = Math.abs(Math.tan((zone.angle * Math.PI) / 180)) * bw;
    const region = {
      x0: zone.box.x0 * f - 1.2 * pitch,
      y0: zone.box.y0 * f - chH * 0.8,
      x1: zone.box.x1 * f + 1.2 * pitch,
      y1: zone.box.y1 * f + chH * 0.8,
    };
    let zoneRaw = crop(page, region.x0, region.y0, region.x1, region.y1);
    if (Math.abs(zone.angle) > 0.15) {
      zoneRaw = await toRaw(rawSharp(zoneRaw).rotate(-zone.angle, { background: '#ffffff' }));
      // The axis-aligned box of a skewed zone takes in page corners, the bed or the portrait;
      // once level, keep only the zone's own band (rotation keeps the box centre at the centre).
      const cos = Math.cos((zone.angle * Math.PI) / 180);
      const rows = zone.rows;
      const levelH = Math.abs(rows[rows.length - 1]!.a - rows[0]!.a) * cos * f + chH;
      const levelW = (bw - slant * Math.abs(Math.sin((zone.angle * Math.PI) / 180))) / cos;
      const cx = zoneRaw.width / 2, cy = zoneRaw.height / 2;
      zoneRaw = crop(zoneRaw, cx - levelW / 2 - 1.2 * pitch, cy - levelH / 2 - 0.8 * chH, cx + levelW / 2 + 1.2 * pitch, cy + levelH / 2 + 0.8 * chH);
    }
    const count = zone.rows.length;
    // zone in the upper part of the page: probably upside down, so read it that way first
    const upper = (zone.box.y0 + zone.box.y1) / 2 < found.detHeight * 0.4;
    const flips = upper ? [true, false] : [false, true];

    // the zone as read one way round, and its lines (the other way round only when it comes to that)
    const views = new Map<boolean, { z: Raw; bands: ReturnType<typeof splitBands> }>();
    const view = (flipped: boolean) => {
      if (!views.has(flipped)) {
        const z = flipped ? rotate180(zoneRaw) : zoneRaw;
        views.set(flipped, { z, bands: splitBands(z, count, chH) });
      }
      return views.get(flipped)!;
    };
    // The glyph templates' matching needs no worker: started now, it runs on this thread while the
    // worker starts (the first page) or reads the lines (every page), instead of after it.
    const first = view(flips[0]!);
    const early = templates && first.bands ? matchGlyphLines(templates, first.z, first.bands, chH, pitch) : null;
    early?.catch(() => undefined); // awaited below; never an unhandled rejection if reading stops first
    const ocr = await starting;

    const readings: Reading[] = [];
    let best: { result: MrzResult; reading: Reading; zone: Raw; flipped: boolean } | null = null;
    for (const flipped of flips) {
      const { z, bands } = view(flipped);
      if (!bands) continue;
      // the model reads first; the glyph templates give a second, independent vote
      const passes: Array<Variant | 'glyphs'> = templates ? ['gray', 'glyphs', ...VARIANTS.slice(1)] : VARIANTS;
      for (const variant of passes) {
        const gray = readings.find((r) => r.flipped === flipped && r.attempt === 'gray');
        const reading = variant === 'glyphs'
          ? glyphReading(await (flipped === flips[0] && early ? early : matchGlyphLines(templates!, z, bands, chH, pitch)), bands, pitch, flipped, gray)
          : await readLines(ocr, z, bands, chH, pitch, variant, flipped);
        readings.push(reading);
        let result = arbitrate(readings.filter((r) => r.flipped === flipped), opts.today);
        if (!best || score(result) > score(best.result)) best = { result, reading, zone: z, flipped };
        if (variant === 'glyphs' && gray) {
          const byHeight: MrzResult | null = settleByHeight(gray, reading, best.result, opts.today);
          if (byHeight) {
            best = { result: byHeight, reading: gray, zone: z, flipped };
            result = byHeight;
          }
        }
        // a valid first reading still waits for the second recogniser's vote, to be compared below;
        // one that the repair made valid by guessing two or more characters waits for the other
        // preprocessings too: a reading that needs fewer guesses outscores it (see score). So does a
        // guess on the glyph pass's reading alone: its templates tell O, 0 and D apart least well.
        const guessLimit = best.reading.attempt === 'glyphs' ? 1 : 2;
        if (result.valid && readings.length >= (templates ? 2 : 1) && guessesOf(best.result) < guessLimit) break;
        // an upside-down zone reads as noise: low confidence means try the other way round at once
        if (variant === 'glyphs' && avg(reading.read) < 45 && avg(readings[0]!.read) < 45) break;
      }
      if (best?.result.valid) break;
    }
    if (!best) {
      return { ok: false, code: 'unreadable', reason: 'a zone-like area was found but its lines could not be separated: scan the page again, flat and in focus.', ms: ms() };
    }
    const reading = best.reading;
    flagDisagreement(best.result, readings.filter((r) => r.flipped === best!.flipped && r !== reading), opts.today);
    if (best.result.lines.every((l) => l === '') || reading.read.every((l) => l.raw === '')) {
      return { ok: false, code: 'unreadable', reason: 'the zone was found but nothing on it could be read: scan the page again, flat, in focus and evenly lit.', ms: ms() };
    }
    const out: OcrResult = {
      ok: true,
      mrz: best.result,
      lines: best.result.lines,
      read: reading.read,
      rotation: (quarter + (best.flipped ? 180 : 0)) % 360,
      skew: Math.round(zone.angle * 10) / 10,
      attempt: `${best.flipped ? 'flipped-' : ''}${reading.attempt}`,
      attempts: readings.length,
      ms: 0,
    };
    if (opts.crops !== false) {
      out.zoneImage = await rawSharp(best.zone).png({ compressionLevel: 3 }).toBuffer();
      const portrait = portraitBox(page, region, pitch, best.result.format, best.flipped);
      if (portrait) {
        let p = crop(page, portrait.x0, portrait.y0, portrait.x1, portrait.y1);
        if (best.flipped) p = rotate180(p);
        out.portraitImage = await rawSharp(p).png({ compressionLevel: 3 }).toBuffer();
      }
    }
    out.ms = ms();
    return out;
  }

  return {
    async ready() {
      await getRecogniser();
    },
    read(image) {
      // one page at a time (its lines side by side): keeps memory flat and tesseract's parameters consistent
      const run = queue.then(() => readOne(image));
      // after the first page, the other workers start (see RecogniserPool.grow)
      queue = run.catch(() => undefined).then(() => recogniser?.then((r) => r.grow(), () => undefined));
      return run;
    },
    async close() {
      const r = recogniser;
      recogniser = null;
      if (r) await (await r.catch(() => null))?.terminate();
    },
  };
}

/**
 * The check digits cannot tell O from 0 where two swaps cancel or two places fit; glyph height can
 * (zeroOh.ts). The model's lines with O/0 settled by the glyph pass's heights; where the model read a
 * checked line at another length (a glyph dropped or doubled), the glyph pass's own line, whose
 * characters line up with its heights. Returned only when it beats `current`: valid, not doubtful,
 * and apart from it only in O/0; or, where `current` is invalid, mending a line length or apart from
 * the model's own lines only in O/0.
 */
function settleByHeight(gray: Reading, glyphs: Reading, current: MrzResult, today?: Date): MrzResult | null {
  if (!glyphs.heights) return null;
  const n = gray.read.length;
  const checked = (i: number) => (n === 2 ? i === 1 : n === 3 && i < 2);
  const swap = gray.read.map((_, i) => !glyphs.aligned?.[i] && checked(i) && glyphs.heights![i] !== undefined);
  const lines = gray.read.map((l, i) => (swap[i] ? glyphs.read[i]!.raw : l.raw));
  const heights = glyphs.heights.map((h, i) => (glyphs.aligned?.[i] || swap[i] ? h : undefined));
  const r = resolveZeroOh(lines, today, heights);
  const mendsLength = swap.some(Boolean) && !current.valid;
  // where the best so far is invalid (e.g. the glyph pass's U for a worn 0), a valid zone that is the
  // model's own reading with only O/0 settled beats it as well
  const settlesModel = !current.valid && onlyZeroOhApart(r.lines, lines);
  return r.valid && !doubtful(r) && (mendsLength || settlesModel || onlyZeroOhApart(r.lines, current.lines)) ? r : null;
}

/** Same zone shape, different somewhere, and every difference a letter O against a digit 0. */
function onlyZeroOhApart(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.some((l, i) => l.length !== b[i]!.length)) return false;
  let differs = false;
  for (let i = 0; i < a.length; i++)
    for (let k = 0; k < a[i]!.length; k++) {
      const x = a[i]![k]!, y = b[i]![k]!;
      if (x === y) continue;
      if (!((x === 'O' && y === '0') || (x === '0' && y === 'O'))) return false;
      differs = true;
    }
  return differs;
}

const avg = (ls: OcrLine[]) => (ls.length ? ls.reduce((a, l) => a + l.confidence, 0) / ls.length : 0);

async function readLines(ocr: LineRecogniser, z: Raw, bands: Band[], chH: number, pitch: number, variant: Variant, flipped: boolean): Promise<Reading> {
  const read: OcrLine[] = [];
  // where each line's first character ends, in zone pixels (NaN where the model gave no position)
  const firstEnds: number[] = [];
  // the lines side by side, one per free worker (see startRecogniser)
  const results = await Promise.all(bands.map(async (b) => ocr.recognise(await lineImage(z, b, chH, pitch, variant))));
  results.forEach((r, i) => {
    read.push({ raw: clean(r.text), confidence: Math.round(r.confidence) });
    firstEnds.push(r.firstEnd === undefined ? NaN : lineFrame(z, bands[i]!, chH, pitch, variant).toZone(r.firstEnd));
  });
  const length = expectedLength(read.map((l) => l.raw));
  const bandStarts = bands.map((b) => b.x0);
  // junk shows either way: as ink ahead of the other lines' (the band), or as a first character
  // read ahead of theirs (when the junk spans every line but only one line's reading has it)
  read.forEach((l, i) => {
    const ahead = [lead(bandStarts, i, pitch), lead(firstEnds, i, pitch)].filter(Number.isFinite);
    const cut = leadingJunk(l.raw, length, Math.max(...ahead));
    if (cut) [l.edgeJunk, l.raw] = [l.raw.slice(0, cut), l.raw.slice(cut)];
  });
  return { attempt: variant, flipped, read };
}

/** In pitches, how far line `i` starts ahead of the line that starts last among the others (NaN if unknown). */
function lead(xs: number[], i: number, pitch: number): number {
  const others = xs.filter((x, j) => j !== i && Number.isFinite(x));
  if (!others.length || !Number.isFinite(xs[i]!) || !(pitch > 0)) return NaN;
  return (Math.max(...others) - xs[i]!) / pitch;
}

/**
 * How many of a line's first characters were read before the zone's left edge, given how many
 * pitches the line starts `ahead` of the others (see lead). ICAO's lines all start at the same
 * place, and junk beside the zone (the page edge, a card corner, a shadow) only adds ink to the left;
 * so a line read k characters too long that starts room for about k glyphs ahead had its first k
 * characters made of junk. Both must agree: the length alone cannot tell junk at the start from
 * fillers at the end (a name line has no check digit to tell), and a line may start early because
 * another lost its first glyph.
 */
function leadingJunk(raw: string, length: number | null, ahead: number): number {
  if (!length || !Number.isFinite(ahead)) return 0;
  const k = raw.length - length;
  if (k < 1 || k > 3 || raw.slice(0, k).includes('<')) return 0;
  return ahead >= k - 0.5 && ahead <= k + 2 ? k : 0;
}

/**
 * The glyph recogniser's vote: fixed-pitch OCR-B templates, no tesseract call. Its templates barely tell
 * the letter O from the digit 0, so where it read one of them and the model read one of them at the same
 * place (lines of equal length), the model's choice stands: otherwise two O-for-0 swaps in a document
 * number can pass its check digit together and make a wrong zone look valid.
 */
function glyphReading(found: Array<GlyphReading | null>, bands: Band[], pitch: number, flipped: boolean, model?: Reading): Reading {
  const read: OcrLine[] = [];
  const heights: Reading['heights'] = [];
  const aligned: boolean[] = [];
  const length = expectedLength(found.map((g) => g?.text ?? ''));
  const bandStarts = bands.map((b) => b.x0);
  for (const [i, raw] of found.entries()) {
    // junk before the zone's edge dropped as in the model's reading, with its heights
    const cut = raw ? leadingJunk(raw.text, length, lead(bandStarts, i, pitch)) : 0;
    const g = raw && cut ? { ...raw, text: raw.text.slice(cut), heights: raw.heights.slice(cut) } : raw;
    let text = g?.text ?? '';
    const theirs = model?.read[i]?.raw;
    if (theirs && theirs.length === text.length) {
      text = [...text].map((c, k) => ((c === 'O' || c === '0') && (theirs[k] === 'O' || theirs[k] === '0') ? theirs[k]! : c)).join('');
    }
    read.push({ raw: text, confidence: g?.confidence ?? 0, ...(cut ? { edgeJunk: raw!.text.slice(0, cut) } : {}) });
    // heights line up with this pass's characters; with the model's only when both found as many glyphs
    heights.push(g ? g.heights : undefined);
    aligned.push(!!(g && theirs && theirs.length === g.heights.length));
  }
  return { attempt: 'glyphs', flipped, read, heights, aligned };
}

/** The template matching of the glyph pass, line by line (the costly part; the model's reading not needed). */
async function matchGlyphLines(t: GlyphTemplates, z: Raw, bands: Band[], chH: number, pitch: number): Promise<Array<GlyphReading | null>> {
  const found: Array<GlyphReading | null> = [];
  for (const b of bands) found.push(readGlyphs(await lineRaw(z, b, chH, pitch, 'gray'), t));
  return found;
}

/**
 * Names, states, nationality and sex are not covered by check digits. Where the other recogniser
 * read such a position differently, the officer is told to compare with the printed page.
 */
function flagDisagreement(result: MrzResult, others: Reading[], today?: Date): void {
  if (!result.valid) return;
  const other = others.find((o) => o.read.length === result.lines.length && o.read.every((l, i) => l.raw.length === result.lines[i]!.length));
  if (!other) return;
  const theirs = resolveZeroOh(other.read.map((l) => l.raw), today).lines;
  const spots: string[] = [];
  result.lines.forEach((l, i) => [...l].forEach((c, k) => theirs[i]?.[k] !== undefined && theirs[i]![k] !== c && spots.push(`line ${i + 1} position ${k + 1}`)));
  if (spots.length) {
    result.warnings.push({
      field: 'structure',
      code: 'ocr_disagreement',
      message: `The two recognisers read ${spots.length === 1 ? 'one character' : `${spots.length} characters`} differently (${spots.slice(0, 4).join(', ')}${spots.length > 4 ? ', …' : ''}); check digits do not cover ${spots.length === 1 ? 'it' : 'all of them'}: compare with the printed page.`,
      line: 0,
      position: 0,
      params: { count: spots.length, places: `${spots.slice(0, 4).map((p) => p.replace(/^line (\d+) position (\d+)$/, '$1:$2')).join(', ')}${spots.length > 4 ? ', …' : ''}` },
    });
  }
}

/**
 * Valid, but with a state code nobody issues or a document code the format does not use: another
 * vote (or a reading without edge junk) may hold the right letters.
 */
const doubtful = (r: MrzResult) => r.warnings.some((w) => w.code === 'unknown_state' || w.code === 'document_code');

/** The line length of a zone of `count` lines read as `lines`: 30 for three, 44 or 36 for two. */
function expectedLength(lines: string[]): number | null {
  if (lines.length === 3) return 30;
  if (lines.length !== 2) return null;
  const longest = Math.max(...lines.map((l) => l.length));
  return longest >= 40 ? 44 : 36;
}

/**
 * A line read with up to three characters too many at its start: the edge of the page, a card
 * corner or a shadow beside the zone read as letters. Each way of dropping them (and any fillers
 * beyond the line's length) is offered to the check digits and the format's code letters; the
 * reading as it came stays an option too, so nothing is dropped that the zone does not reject.
 */
function withoutEdgeJunk(raw: string, length: number): string[] {
  const extra = raw.length - length;
  if (extra < 1 || extra > 3) return [];
  const out: string[] = [];
  for (let k = 1; k <= extra; k++) {
    // junk is read as letters or digits; a filler belongs to the zone
    if (raw[k - 1] === '<') break;
    const rest = raw.slice(k);
    if (rest.length === length || /^<+$/.test(rest.slice(length))) out.push(rest.slice(0, length));
  }
  return out;
}

/**
 * Characters the repair changed, O↔0 swaps aside (the layout and glyph heights settle those); a
 * character dropped or inserted mid-line counts twice (it shifts every character after it).
 */
const guessesOf = (r: MrzResult) =>
  (r.repairs ?? []).reduce((n, p) => {
    if ((p.from === 'O' && p.to === '0') || (p.from === '0' && p.to === 'O')) return n;
    const shift = (p.from === '' || p.to === '') && !(p.from === '<' || p.to === '<');
    return n + (shift ? 2 : 1);
  }, 0);

/** Valid first, then fewer errors. */
function score(r: MrzResult): number {
  // a reading that is not even shaped like a zone is worse than any zone with errors
  return (r.valid ? 1000 : 0) - (r.format ? 0 : 500) - r.errors.length * 10 - guessesOf(r) - (doubtful(r) ? 5 : 0);
}

/**
 * Every combination of the lines read so far (one reading per line from any attempt) is checked;
 * the first that validates wins, else the latest attempt's reading with the fewest errors.
 */
export function arbitrate(readings: Reading[], today?: Date): MrzResult {
  // the MRZ module's repair mode fixes confusions and filler runs, and lists every change
  const parse = (lines: string[]) => resolveZeroOh(lines, today);
  const latest = readings[readings.length - 1]!;
  let best = parse(latest.read.map((l) => l.raw));
  const settled = () => best.valid && !doubtful(best);
  if (settled() && latest.attempt === 'glyphs') {
    // The glyph pass's templates are the weaker reader of letters (Q, O, 0 and D alike), and nothing
    // checks a name: where the model read a line at the same length and the zone stays valid with
    // it, with no more guesses, the model's line stands (a disagreement is flagged for the officer).
    const model = readings.find((r) => r.attempt === 'gray' && r.flipped === latest.flipped);
    const lines = latest.read.map((l) => l.raw);
    model?.read.forEach((m, i) => {
      if (m.raw === lines[i] || m.raw.length !== lines[i]!.length) return;
      const trial = lines.map((l, j) => (j === i ? m.raw : l));
      const r = parse(trial);
      if (r.valid && !doubtful(r) && guessesOf(r) <= guessesOf(best)) {
        lines[i] = m.raw;
        best = r;
      }
    });
  }
  if (settled()) return best;
  const n = latest.read.length;
  const search = (options: string[][]) => {
    const combos = options.reduce((a, o) => a * o.length, 1);
    if (combos === 1 || combos > 256) return;
    const idx = new Array(n).fill(0);
    for (let k = 0; k < combos; k++) {
      let rest = k;
      for (let i = 0; i < n; i++) {
        idx[i] = rest % options[i]!.length;
        rest = Math.floor(rest / options[i]!.length);
      }
      const r = parse(idx.map((j, i) => options[i]![j]!));
      if (score(r) > score(best)) best = r;
      // a valid zone that needed a guess may lose to a later combination that needs none (the model's
      // line with a doubled 0, trimmed to length, against the glyph pass's line read as printed)
      if (settled() && guessesOf(best) === 0) return;
    }
  };
  const raws = Array.from({ length: n }, (_, i) => [...new Set(readings.map((r) => r.read[i]?.raw ?? ''))]);
  search(raws);
  // Only when no reading as it came makes a plausible zone: the same with edge junk dropped, kept
  // only if that makes the zone valid with a code and a state that exist.
  const length = expectedLength(latest.read.map((l) => l.raw));
  if (settled() || !length) return best;
  const before = best;
  // Only line 1, where the document code and the issuing state must also come out right: a name
  // line has nothing to reject a wrong cut, and on a number line a cut plus another misread can
  // satisfy the one or two check digits they touch by chance.
  search(raws.map((o, i) => (i === 0 ? [...new Set([...o, ...o.flatMap((raw) => withoutEdgeJunk(raw, length))])] : o)));
  return settled() ? best : before;
}

/**
 * The portrait's place on ICAO data pages (Doc 9303 Parts 4 and 5), measured from the zone:
 * left-aligned with it, from about 50 mm (TD3) or 45 mm (TD2) above its top down to 3 mm above it.
 * TD1 cards carry the portrait on the other side, so none is cut for them.
 */
function portraitBox(page: Raw, zone: { x0: number; y0: number; x1: number; y1: number }, pitch: number, format: string | null, flipped: boolean) {
  if (format !== 'TD3' && format !== 'TD2' && format !== 'MRVA' && format !== 'MRVB') return null;
  const mm = pitch / 2.54;
  const up = format === 'TD3' || format === 'MRVA' ? 50 : 45;
  const zoneLeft = zone.x0 + 1.2 * pitch;
  const zoneTop = zone.y0;
  const zoneBottom = zone.y1;
  const zoneRight = zone.x1 - 1.2 * pitch;
  let box = flipped
    ? { x0: zoneRight - 36 * mm, y0: zoneBottom + 3 * mm, x1: zoneRight + 2 * mm, y1: zoneBottom + up * mm }
    : { x0: zoneLeft - 2 * mm, y0: zoneTop - up * mm, x1: zoneLeft + 36 * mm, y1: zoneTop - 3 * mm };
  const full = (box.x1 - box.x0) * (box.y1 - box.y0);
  box = { x0: Math.max(0, box.x0), y0: Math.max(0, box.y0), x1: Math.min(page.width, box.x1), y1: Math.min(page.height, box.y1) };
  const kept = Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
  return kept >= full * 0.5 ? box : null;
}
