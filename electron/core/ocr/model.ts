/**
 * The project's MRZ model in one long-lived tesseract.js worker.
 * The model bytes are read here and handed to tesseract.js directly: tesseract.js then never looks
 * for a file or a URL itself, so a wrong `gzip` setting or a missing file cannot throw the uncaught
 * error inside its worker that kills Node and leaves createWorker pending (see GUIDE).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { UserError } from '../app/errors';

export const MODEL_LANG = 'mrz';

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

/** Reads mrz.traineddata (plain or .gz); the gzip decision comes from the bytes, never from a flag. */
export async function loadModelBytes(dir: string): Promise<Uint8Array> {
  const candidates = [join(dir, `${MODEL_LANG}.traineddata`), join(dir, `${MODEL_LANG}.traineddata.gz`)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new UserError('ocr_model_missing', `the MRZ reading model is missing (looked for ${candidates.join(' and ')}): reinstall the application or run \`npm run train:ocr\`.`);
  }
  let bytes: Buffer = await readFile(file);
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new UserError('ocr_model_corrupt', `the MRZ reading model ${file} is damaged (bad gzip data): reinstall the application.`);
    }
  }
  if (bytes.length < 1024) throw new UserError('ocr_model_corrupt', `the MRZ reading model ${file} is too small to be a model: reinstall the application.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export interface LineRecogniser {
  recognise(png: Buffer): Promise<{ text: string; confidence: number }>;
  terminate(): Promise<void>;
}

export async function startRecogniser(modelDir: string): Promise<LineRecogniser> {
  const data = await loadModelBytes(modelDir);
  let failure: unknown = null;
  const worker = await Tesseract.createWorker([{ code: MODEL_LANG, data }] as unknown as string, Tesseract.OEM.LSTM_ONLY, {
    langPath: modelDir,
    cacheMethod: 'none',
    gzip: false,
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
  return {
    async recognise(png) {
      const r = await worker.recognize(png);
      if (failure) throw new Error(`OCR worker failed: ${String(failure)}`);
      return { text: r.data.text, confidence: r.data.confidence };
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
