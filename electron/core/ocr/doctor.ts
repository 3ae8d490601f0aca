/** `checkpoint doctor`'s OCR line: every net of the MRZ model present and loadable as a Tesseract model. */
import type { DoctorCheck } from '../app/doctor';
import { describeError } from '../app/errors';
import { MODEL_LANG, OTHER_NETS, defaultModelDir, findModel, modelFile } from './model';

const REINSTALL = 'Reinstall the application (on a build machine: `npm run train:ocr`, see resources/ocr/README.md).';

export async function ocrDoctorChecks(modelDir = defaultModelDir()): Promise<DoctorCheck[]> {
  const name = 'ocr model';
  try {
    await findModel(modelDir);
    const missing: string[] = [];
    for (const lang of OTHER_NETS) {
      if (modelFile(modelDir, lang)) await findModel(modelDir, lang);
      else missing.push(`${lang}.traineddata`);
    }
    if (missing.length) {
      return [{
        name, ok: false, level: 'warn', code: 'ocr_model.partial', params: { dir: modelDir, missing: missing.join(', ') },
        detail: `${missing.join(' and ')} missing in ${modelDir}: lines the first net is unsure of are read by fewer nets, and more of them are misread`,
        fix: REINSTALL,
      }];
    }
    const nets = [MODEL_LANG, ...OTHER_NETS].join(', ');
    return [{ name, ok: true, code: 'ocr_model.ok', params: { dir: modelDir, nets }, detail: `all nets (${nets}) in ${modelDir}` }];
  } catch (e) {
    return [{ name, ok: false, code: 'ocr_model.bad', params: { error: describeError(e) }, detail: describeError(e), fix: REINSTALL }];
  }
}
