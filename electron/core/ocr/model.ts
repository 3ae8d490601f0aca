/**
 * The project's MRZ model in one long-lived tesseract.js worker.
 * tesseract.js throws an uncaught error inside its worker (killing Node, leaving createWorker
 * pending) when the file it is told to load is missing, e.g. with the wrong `gzip` setting (see
 * GUIDE). So the model file is found and checked here first, and `gzip` follows its actual name.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { UserError } from '../app/errors';

export const MODEL_LANG = 'mrz';
/**
 * The second net (`mrz2.traineddata`, optional): trained from another start (synthetic lines only,
 * then the real ones), so it errs on other lines than the first. A line the first net reads with
 * low confidence is read again by it, and the more confident reading is kept. On held-out training
 * lines the two nets' wrong lines overlapped in 7 of 17, and the more confident reading was the right
 * one wherever either was (see resources/ocr/README.md).
 */
export const SECOND_LANG = 'mrz2';
/**
 * The third net (`mrz3.traineddata`, optional): fine-tuned from Tesseract's stock English net, a
 * third start and a wider net. It reads a line only when the first two read an unsure line
 * differently (about 6% of held-out lines), and the most confident of the three readings is kept.
 * Fit-only twins on held-out lines: 96.1% → 96.6% exact, character error 0.168% → 0.138%; on their
 * reshaped copies 89.7% → 91.9%, 0.527% → 0.386% (resources/ocr/README.md, session 9).
 */
export const THIRD_LANG = 'mrz3';
/** The nets after the first, in the order they are asked. */
export const OTHER_NETS = [SECOND_LANG, THIRD_LANG] as const;
/** Below this mean confidence the second net reads the line too (held-out lines: 9-13% of lines). */
export const SECOND_OPINION_BELOW = 88;

/** resources/ocr of the app: packaged (Electron resources), env override, or the source tree. */
export function defaultModelDir(): string {
  const env = process.env.CHECKPOINT_OCR_DIR;
  if (env) return env;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'ocr'))) return join(packaged, 'ocr');
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const p = resolve(here, '../../../resources/ocr');
    if (existsSync(p)) return p;
  } catch {
    // bundled as CommonJS: no import.meta.url; fall through to the working directory
  }
  return resolve('resources/ocr');
}

/**
 * Finds mrz.traineddata (plain) or mrz.traineddata.gz and checks it is a model, so that tesseract.js
 * is only ever asked for a file that exists, with the gzip setting that matches its name.
 */
export async function findModel(dir: string, lang = MODEL_LANG): Promise<{ file: string; gzip: boolean }> {
  const plain = join(dir, `${lang}.traineddata`);
  const gz = `${plain}.gz`;
  const file = modelFile(dir, lang);
  if (!file) {
    throw new UserError('ocr_model_missing', `the MRZ reading model is missing (looked for ${plain} and ${gz}): reinstall the application or run \`npm run train:ocr\`.`);
  }
  let bytes: Buffer = await readFile(file);
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new UserError('ocr_model_corrupt', `the MRZ reading model ${file} is damaged (bad gzip data): reinstall the application.`);
    }
  }
  // a traineddata file starts with its component count (a small little-endian integer)
  if (bytes.length < 1024 || bytes.readInt32LE(0) <= 0 || bytes.readInt32LE(0) > 64) {
    throw new UserError('ocr_model_corrupt', `the MRZ reading model ${file} is not a Tesseract model: reinstall the application.`);
  }
  return { file, gzip: file === gz };
}

export interface LineRecogniser {
  /**
   * `firstEnd`: the right edge (image pixels) of the first character read, when there is one (its left
   * edge is stretched to the first ink on the line, junk the model skipped included)
   */
  recognise(png: Buffer): Promise<LineReading>;
  terminate(): Promise<void>;
}

export interface LineReading {
  text: string;
  confidence: number;
  firstEnd?: number;
  /** which net's reading was kept when it was not the first's (2: mrz2, 3: mrz3) */
  net?: 2 | 3;
  /** how many nets read the line, when more than the first did */
  nets?: number;
}

/** The model file of `lang` in `dir` (plain or gzipped), or null. */
export function modelFile(dir: string, lang: string): string | null {
  const plain = join(dir, `${lang}.traineddata`);
  return existsSync(plain) ? plain : existsSync(`${plain}.gz`) ? `${plain}.gz` : null;
}

/** Lines read side by side by default: two where there are two cores or more (a zone has 2-3 lines). */
export const defaultWorkers = () => Math.min(2, availableParallelism());

/** A pool of recognisers: up to `workers` lines read side by side, each worker its own thread. */
export interface RecogniserPool extends LineRecogniser {
  /**
   * Starts the pool's other workers (once). Called after the first page, not at start: on two cores a
   * second worker starting beside the first page slowed the first result by 100-200 ms.
   */
  grow(): void;
}

/**
 * `workers` tesseract.js workers reading lines side by side: a zone's two or three lines are
 * independent, so on two cores a page's model time nearly halves (measured: warm median 255 → 209 ms).
 * Resolves when the first worker is ready; the others start on `grow()` and join when ready.
 */
export async function startRecogniser(modelDir: string, workers = 1): Promise<RecogniserPool> {
  const { gzip } = await findModel(modelDir);
  // the other nets are checked now, so a damaged file is reported at start, not on some later line
  const others: OtherNet[] = [];
  for (const [i, lang] of OTHER_NETS.entries()) {
    if (modelFile(modelDir, lang)) others.push({ lang, net: (i + 2) as 2 | 3, gzip: (await findModel(modelDir, lang)).gzip, worker: null });
  }
  const started: Array<Promise<LineRecogniser>> = [startWorker(modelDir, gzip, MODEL_LANG)];
  const idle: LineRecogniser[] = [];
  const waiting: Array<(w: LineRecogniser) => void> = [];
  const release = (w: LineRecogniser) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  release(await started[0]!);
  const acquire = () => (idle.length ? Promise.resolve(idle.pop()!) : new Promise<LineRecogniser>((r) => waiting.push(r)));
  let closed = false;
  // one worker per other net, shared (a tesseract.js worker runs its jobs one at a time): they read
  // only the few lines the first net is unsure of
  const startOther = (o: OtherNet) => {
    if (!o.worker && !closed) o.worker = startWorker(modelDir, o.gzip, o.lang);
    return o.worker;
  };
  return {
    async recognise(png) {
      const w = await acquire();
      let first: LineReading;
      try {
        first = await w.recognise(png);
      } finally {
        release(w);
      }
      if (first.confidence >= SECOND_OPINION_BELOW) return first;
      const readings = [first];
      for (const o of others) {
        // the third net is asked only when the first two read the line differently: where they agree,
        // their reading stands (asking it there too did worse: reshaped held-out lines 91.3% against 91.9%)
        if (new Set(readings.map((r) => r.text.replace(/\s+/g, ''))).size < readings.length) break;
        try {
          readings.push({ ...(await (await startOther(o))!.recognise(png)), net: o.net });
        } catch {
          // a net that cannot read leaves the others' readings, as without it
        }
      }
      const kept = readings.reduce((best, r) => (r.confidence > best.confidence ? r : best));
      return readings.length > 1 ? { ...kept, nets: readings.length } : kept;
    },
    grow() {
      while (!closed && started.length < workers) {
        const w = startWorker(modelDir, gzip, MODEL_LANG);
        started.push(w);
        // one that fails to start only means fewer lines at once
        w.then(release, () => undefined);
      }
      for (const o of others) startOther(o)?.catch(() => undefined);
    },
    async terminate() {
      closed = true;
      await Promise.all([...started, ...others.flatMap((o) => (o.worker ? [o.worker] : []))].map((w) => w.then((x) => x.terminate(), () => undefined)));
    },
  };
}

/** A net after the first: its worker starts on `grow()` or when a line first needs it. */
interface OtherNet { lang: string; net: 2 | 3; gzip: boolean; worker: Promise<LineRecogniser> | null }

let blank: Promise<Buffer> | null = null;
/** A white 400×48 line: wide enough that the warm-up recognition does all of its first-use work. */
const blankLine = () => (blank ??= sharp({ create: { width: 400, height: 48, channels: 3, background: '#ffffff' } }).png().toBuffer());

async function startWorker(modelDir: string, gzip: boolean, lang: string): Promise<LineRecogniser> {
  let failure: unknown = null;
  const worker = await Tesseract.createWorker(lang, Tesseract.OEM.LSTM_ONLY, {
    langPath: modelDir,
    // never write a cached copy anywhere, never look elsewhere
    cacheMethod: 'none',
    gzip,
    // tesseract.js reports worker-side failures here; without a handler they are thrown
    // asynchronously where nobody can catch them.
    errorHandler: (e: unknown) => {
      failure = e;
    },
  });
  // one line per image, the whole image is the line: no page layout analysis to go wrong
  await worker.setParameters({
    tessedit_pageseg_mode: Tesseract.PSM.RAW_LINE,
    user_defined_dpi: '300',
    tessedit_char_whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
  });
  // The first recognition costs ~300 ms more than the rest (the engine finishes setting up on first
  // use): paid here, on a blank line, before the worker takes a page's lines, so it overlaps the
  // first page's decoding and a worker joining later does not slow the page it joins on.
  await worker.recognize(await blankLine());
  return {
    async recognise(png) {
      // blocks: the symbols' boxes, for where the line's first character stands (no measurable cost)
      const r = await worker.recognize(png, {}, { text: true, blocks: true });
      if (failure) throw new Error(`OCR worker failed: ${String(failure)}`);
      const first = r.data.blocks?.[0]?.paragraphs[0]?.lines[0]?.words[0]?.symbols[0];
      return { text: r.data.text, confidence: r.data.confidence, ...(first ? { firstEnd: first.bbox.x1 } : {}) };
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
