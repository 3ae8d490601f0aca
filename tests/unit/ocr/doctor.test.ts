/** The technician's checklist says whether the MRZ model's two nets are there and loadable. */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrDoctorChecks } from '../../../electron/core/ocr/doctor';
import { modelFolder } from './helpers';

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = modelFolder(files);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ocr doctor check', () => {
  it('is OK with both nets', async () => {
    const [c] = await ocrDoctorChecks(folder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': 'mrz2.traineddata' }));
    expect(c).toMatchObject({ name: 'ocr model', ok: true, code: 'ocr_model.ok' });
  });

  it('warns when the second net is missing: reading still works, less well', async () => {
    const [c] = await ocrDoctorChecks(folder({ 'mrz.traineddata': 'mrz.traineddata' }));
    expect(c).toMatchObject({ ok: false, level: 'warn', code: 'ocr_model.one_net' });
    expect(c!.fix).toMatch(/Reinstall/);
  });

  it('fails, saying what is wrong, when the model is missing or damaged', async () => {
    const [missing] = await ocrDoctorChecks(folder({}));
    expect(missing).toMatchObject({ ok: false, code: 'ocr_model.bad' });
    expect(missing!.level).toBeUndefined();
    expect(missing!.detail).toMatch(/missing/);
    const [damaged] = await ocrDoctorChecks(folder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': Buffer.alloc(4096, 0xff) }));
    expect(damaged).toMatchObject({ ok: false, code: 'ocr_model.bad' });
    expect(damaged!.detail).toMatch(/not a Tesseract model/);
  });
});
