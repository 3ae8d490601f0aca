import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDriver, type ImageZoneReader, type ScannerDriver } from '../../../electron/core/scanners';
import { FolderDriver } from '../../../electron/core/scanners/folderDriver';
import { TD1, TD3, TD3_BAD_CHECK, parse, record, waitFor } from './helpers';

let dir: string;
let driver: ScannerDriver | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkpoint-hot-'));
});
afterEach(async () => {
  await driver?.close();
  driver = null;
  rmSync(dir, { recursive: true, force: true });
});

/** An OCR stand-in: image files here hold the zone text, so the folder logic is tested without tesseract. */
const fakeOcr: ImageZoneReader = {
  async read(p) {
    const text = readFileSync(p as string, 'utf8');
    if (text === 'unreadable') return { ok: false, code: 'no_zone', reason: 'No zone found on the image: scan the data page again.' };
    return { ok: true, lines: text.split('\n') };
  },
};

function folder(opts: { ocr?: ImageZoneReader; settleMs?: number } = {}) {
  driver = createDriver({ id: 'hot', name: 'hot', driver: 'folder', dir, settleMs: opts.settleMs ?? 100 }, { parse, ocr: opts.ocr ?? null });
  return driver as FolderDriver;
}

const ls = (sub = '') => readdirSync(join(dir, sub)).sort();

describe('hot folder', () => {
  it('reads a zone text file, moves it to processed/', async () => {
    const d = folder();
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'scan001.txt'), TD3.join('\r\n') + '\r\n');
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD3);
    expect(seen.docs[0]!.source).toBe('folder');
    expect(ls('processed')).toEqual(['scan001.txt']);
    expect(ls()).toEqual(['failed', 'processed']);
  });

  it('hands images to the OCR reader and attaches the moved image to the document', async () => {
    const d = folder({ ocr: fakeOcr });
    const seen = record(d);
    writeFileSync(join(dir, 'page.jpg'), TD1.join('\n'));
    await d.open();
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD1);
    expect(seen.docs[0]!.image).toEqual({ path: join(dir, 'processed', 'page.jpg') });
    expect(existsSync(join(dir, 'processed', 'page.jpg'))).toBe(true);
  });

  it('prefers the text file the scanner wrote beside the image (no OCR needed)', async () => {
    const d = folder();
    const seen = record(d);
    writeFileSync(join(dir, 'p2.png'), 'binary image bytes');
    writeFileSync(join(dir, 'p2.txt'), TD3.join('\n'));
    await d.open();
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.image?.path).toBe(join(dir, 'processed', 'p2.png'));
    expect(ls('processed')).toEqual(['p2.png', 'p2.txt']);
  });

  it('moves unreadable files to failed/ with a reason file, never deleting anything', async () => {
    const d = folder({ ocr: fakeOcr });
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'noise.txt'), 'hello world\nthis is not a zone\n');
    writeFileSync(join(dir, 'blurred.jpg'), 'unreadable');
    writeFileSync(join(dir, 'notes.docx'), 'x');
    await waitFor('three failures', () => ls('failed').length === 6);
    expect(ls('failed')).toEqual([
      'blurred.jpg', 'blurred.jpg.reason.txt', 'noise.txt', 'noise.txt.reason.txt', 'notes.docx', 'notes.docx.reason.txt',
    ]);
    expect(readFileSync(join(dir, 'failed', 'noise.txt.reason.txt'), 'utf8')).toMatch(/not a machine readable zone/);
    expect(readFileSync(join(dir, 'failed', 'blurred.jpg.reason.txt'), 'utf8')).toMatch(/No zone found on the image: scan the data page again\.\n/);
    expect(seen.docs).toEqual([]);
    // What the technician sees of these failures, as codes the screens translate (no zone text in them).
    const coded = seen.problems.map((p) => ({ reason: p.reason, params: p.params })).sort((a, b) => a.reason.localeCompare(b.reason));
    expect(coded).toEqual([
      { reason: 'folder_image_no_zone', params: {} },
      { reason: 'folder_not_scan', params: { file: 'notes.docx' } },
      { reason: 'not_zone_length', params: { lines: 2, lengths: '11/18' } },
    ]);
  });

  it('an OCR engine that breaks (model missing) leaves scans in the folder, says so, and reads them once fixed', async () => {
    let broken = true;
    const flaky: ImageZoneReader = {
      async read(p) {
        if (broken) throw new Error('the MRZ reading model is missing');
        return fakeOcr.read(p);
      },
    };
    const d = new FolderDriver({ id: 'hot', name: 'hot', driver: 'folder', dir, settleMs: 50 }, { parse, ocr: flaky, retryMs: 300 });
    driver = d;
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'scan.png'), TD3.join('\n'));
    await waitFor('error status', () => d.status.state === 'error');
    expect(d.status.message).toMatch(/OCR cannot read images \(the MRZ reading model is missing\); scans wait in/);
    // The same status as a code for the translated screens, with the folder and the cause.
    expect(d.status.code).toBe('ocr_down');
    expect(d.status.params).toEqual({ dir, detail: 'the MRZ reading model is missing' });
    expect(seen.problems[0]).toMatchObject({ reason: 'folder_ocr_down', params: { dir, detail: 'the MRZ reading model is missing' } });
    expect(ls()).toContain('scan.png');
    expect(ls('failed')).toEqual([]);
    broken = false;
    await waitFor('document once OCR works', () => seen.docs[0], 5000);
    expect(d.status.state).toBe('connected');
    expect(ls('processed')).toEqual(['scan.png']);
  });

  it('keeps images in failed/ with a reason when no OCR engine is available', async () => {
    const d = folder();
    await d.open();
    writeFileSync(join(dir, 'page.tif'), 'x');
    const seen = record(d);
    await waitFor('failed', () => ls('failed').length === 2);
    expect(readFileSync(join(dir, 'failed', 'page.tif.reason.txt'), 'utf8')).toMatch(/No OCR engine/);
    expect(seen.problems.map((p) => p.reason)).toEqual(['folder_no_ocr']);
  });

  it('reads zone files written as UTF-16 (Windows scanner software) and UTF-8 with a BOM', async () => {
    const d = folder();
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'w16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TD3.join('\r\n'), 'utf16le')]));
    writeFileSync(join(dir, 'w8.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TD1.join('\n'))]));
    await waitFor('two documents', () => seen.docs.length === 2);
    expect(seen.docs.map((x) => x.lines).sort()).toEqual([TD1, TD3].sort());
  });

  it('emits bad check digits as an invalid document', async () => {
    const d = folder();
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'bad.txt'), TD3_BAD_CHECK.join('\n'));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.mrz.valid).toBe(false);
  });

  it('never overwrites: a second file with the same name is kept beside the first', async () => {
    const d = folder();
    const seen = record(d);
    await d.open();
    writeFileSync(join(dir, 'same.txt'), TD3.join('\n'));
    await waitFor('first', () => seen.docs.length === 1);
    writeFileSync(join(dir, 'same.txt'), TD1.join('\n'));
    await waitFor('second', () => seen.docs.length === 2);
    expect(ls('processed')).toEqual(['same-1.txt', 'same.txt']);
  });

  it('waits for a file that is still being written, and ignores temporary names', async () => {
    const d = folder({ settleMs: 600 });
    const seen = record(d);
    await d.open();
    const p = join(dir, 'slow.txt');
    writeFileSync(p, TD3[0]! + '\n');
    writeFileSync(join(dir, 'upload.jpg.part'), 'partial');
    await new Promise((r) => setTimeout(r, 60));
    writeFileSync(p, TD3.join('\n'));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD3);
    expect(ls()).toContain('upload.jpg.part');
  });

  it('says when the folder is missing, then starts watching when it appears', async () => {
    rmSync(dir, { recursive: true, force: true });
    const d = folder();
    await d.open();
    expect(d.status.state).toBe('disconnected');
    expect(d.status.message).toMatch(/not found/);
    expect([d.status.code, d.status.params]).toEqual(['folder_missing', { dir }]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    await waitFor('connected', () => d.status.state === 'connected', 3000);
  });
});
