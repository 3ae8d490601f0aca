/** `checkpoint doctor`'s OCR line: both nets of the MRZ model present and loadable as Tesseract models. */
import type { DoctorCheck } from '../app/doctor';
import { describeError } from '../app/errors';
import { MODEL_LANG, SECOND_LANG, defaultModelDir, findModel, modelFile } from './model';

const REINSTALL = 'Reinstall the application (on a build machine: `npm run train:ocr`, see resources/ocr/README.md).';

export async function ocrDoctorChecks(modelDir = defaultModelDir()): Promise<DoctorCheck[]> {
  const name = 'ocr model';
  try {
    await findModel(modelDir);
    if (!modelFile(modelDir, SECOND_LANG)) {
      return [{
        name, ok: false, level: 'warn', code: 'ocr_model.one_net', params: { dir: modelDir },
        detail: `${MODEL_LANG}.traineddata only in ${modelDir}: without the second net (${SECOND_LANG}.traineddata) lines the first net is unsure of are not read again`,
        fix: REINSTALL,
      }];
    }
    await findModel(modelDir, SECOND_LANG);
    return [{ name, ok: true, code: 'ocr_model.ok', params: { dir: modelDir }, detail: `two nets (${MODEL_LANG}, ${SECOND_LANG}) in ${modelDir}` }];
  } catch (e) {
    return [{ name, ok: false, code: 'ocr_model.bad', params: { error: describeError(e) }, detail: describeError(e), fix: REINSTALL }];
  }
}
