/** The technician's checklist says whether the MRZ model's three nets are there and loadable. */
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

const ALL = { 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': 'mrz2.traineddata', 'mrz3.traineddata': 'mrz3.traineddata' };

describe('ocr doctor check', () => {
  it('is OK with all three nets', async () => {
    const [c] = await ocrDoctorChecks(folder(ALL));
    expect(c).toMatchObject({ name: 'ocr model', ok: true, code: 'ocr_model.ok', params: { nets: 'mrz, mrz2, mrz3' } });
  });

  it('warns, naming the file, when a later net is missing: reading still works, less well', async () => {
    const [c] = await ocrDoctorChecks(folder({ 'mrz.traineddata': 'mrz.traineddata' }));
    expect(c).toMatchObject({ ok: false, level: 'warn', code: 'ocr_model.partial', params: { missing: 'mrz2.traineddata, mrz3.traineddata' } });
    expect(c!.fix).toMatch(/Reinstall/);
    const [noThird] = await ocrDoctorChecks(folder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': 'mrz2.traineddata' }));
    expect(noThird).toMatchObject({ level: 'warn', code: 'ocr_model.partial', params: { missing: 'mrz3.traineddata' } });
  });

  it('fails, saying what is wrong, when the model is missing or damaged', async () => {
    const [missing] = await ocrDoctorChecks(folder({}));
    expect(missing).toMatchObject({ ok: false, code: 'ocr_model.bad' });
    expect(missing!.level).toBeUndefined();
    expect(missing!.detail).toMatch(/missing/);
    const [damaged] = await ocrDoctorChecks(folder({ ...ALL, 'mrz3.traineddata': Buffer.alloc(4096, 0xff) }));
    expect(damaged).toMatchObject({ ok: false, code: 'ocr_model.bad' });
    expect(damaged!.detail).toMatch(/not a Tesseract model/);
  });
});
