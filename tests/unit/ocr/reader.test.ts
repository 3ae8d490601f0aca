import { resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../electron/core/app/errors';
import { SPECIMENS as ZONES, parseMrz } from '../../../electron/core/mrz/index';
import { createMrzReader } from '../../../electron/core/ocr/index';
import { type ZoneFormat, syntheticPage, syntheticScan } from '../../../tools/ocr-train/syntheticPage';
import { MODEL_DIR, SPECIMENS, hasSpecimens, hugePngHeader } from './helpers';

// One reader (one tesseract.js worker) for the whole file, as in the app.
const reader = createMrzReader({ modelDir: MODEL_DIR });
beforeAll(async () => {
  await reader.ready();
});
afterAll(async () => {
  await reader.close();
});

describe('reading the zone from a page image', () => {
  it('reads a clean passport page: every line as printed, fields as `mrz parse` gives them, crops', async () => {
    const p = await syntheticPage(1000, 'TD3', 'clean');
    const r = await reader.read(p.image);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines).toEqual(p.lines);
    expect(r.mrz.valid).toBe(true);
    expect(r.mrz).toEqual({ ...parseMrz(p.lines, { correct: true }), repairs: r.mrz.repairs });
    expect(r.read).toHaveLength(2);
    for (const l of r.read) expect(l.confidence).toBeGreaterThan(0);
    // the crops are PNG images of a sensible size
    const zone = await sharp(r.zoneImage!).metadata();
    expect(zone.format).toBe('png');
    expect(zone.width!).toBeGreaterThan(zone.height! * 5);
    expect((await sharp(r.portraitImage!).metadata()).height).toBeGreaterThan(200);
  });

  it('reads the ICAO specimen passport scan as a valid zone', async (ctx) => {
    if (!hasSpecimens) return ctx.skip(`specimen pages not found at ${SPECIMENS}`);
    const r = await reader.read(resolve(SPECIMENS, 'passport-td3.jpg'));
    expect(r.ok && r.mrz.valid).toBe(true);
    if (r.ok) expect(r.mrz.format).toBe('TD3');
  });

  it('reads every zone format (TD1, TD2, TD3, visas A and B) at 150 and 600 dpi, skewed and turned', async () => {
    const cases: Array<[ZoneFormat, number, number, number]> = [
      ['TD2', 600, -10, 0], ['TD2', 150, 7, 270],
      ['MRVA', 600, 9, 180], ['MRVA', 150, -6, 90],
      ['MRVB', 600, -8, 90], ['MRVB', 150, 10, 0],
      ['TD1', 600, 5, 270], ['TD3', 150, -9, 180],
    ];
    for (const [format, dpi, skew, quarter] of cases) {
      const p = await syntheticScan(dpi + skew, format, { dpi, skew, quarter });
      const r = await reader.read(p.image);
      const what = `${format} at ${dpi} dpi, ${skew}°, turned ${quarter}°`;
      expect(r.ok, what).toBe(true);
      if (!r.ok) continue;
      expect(r.lines, what).toEqual(p.lines);
      expect(r.mrz.format, what).toBe(format);
      expect(r.mrz.valid, what).toBe(true);
    }
  });

  it('says so when there is no zone, and invents no lines', async () => {
    const photo = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 60 } } })
      .blur(4)
      .jpeg()
      .toBuffer();
    const r = await reader.read(photo);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('no_zone');
      expect(r.reason).toMatch(/no machine readable zone/);
    }
  });

  it('refuses bad files with a clear error and keeps working afterwards', async () => {
    await expect(reader.read(Buffer.alloc(0))).rejects.toBeInstanceOf(UserError);
    await expect(reader.read(hugePngHeader(20000, 20000))).rejects.toThrow(/20000×20000/);
    await expect(reader.read(Buffer.from('%PDF-1.4\n'))).rejects.toThrow(/PDF/);
    const p = await syntheticPage(1001, 'TD3', 'clean');
    const r = await reader.read(p.image);
    expect(r.ok).toBe(true);
  });

  it('flags a page whose zone does not validate instead of passing it', async () => {
    // the specimen zone with one digit of the birth date changed after printing
    const lines = [...ZONES.td3!];
    lines[1] = lines[1]!.slice(0, 13) + (lines[1]![13] === '7' ? '8' : '7') + lines[1]!.slice(14);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1250" height="880"><rect width="100%" height="100%" fill="#f4f1ea"/>${lines
      .map((l, i) => `<text x="${[...l].map((_, k) => 62 + k * 25.4).join(' ')}" y="${760 + i * 50}" font-family="OCR B" font-size="34">${l.replace(/</g, '&lt;')}</text>`)
      .join('')}</svg>`;
    const r = await reader.read(await sharp(Buffer.from(svg)).png().toBuffer());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.mrz.valid).toBe(false);
  });

  it('tells the letter O from the digit 0 by glyph height where the check digits cannot', async () => {
    // Generated pages whose document number or optional data mix O and 0 so that either the check
    // digit fits more than one reading (9O1309ECX: O at 2 or 5) or two swaps cancel (0WXK65O0K):
    // the model alone read them wrong; OCR-B's taller digits settle them.
    for (const [seed, fmt] of [[5029, 'TD3'], [5000, 'TD1']] as const) {
      const p = await syntheticPage(seed, fmt, 'clean');
      expect(p.lines.join('')).toMatch(/O/);
      const r = await reader.read(p.image);
      expect(r.ok && r.lines).toEqual(p.lines);
    }
  });

  it('finds a zone whose fillers are crossed by security-print lines', async () => {
    // a TD1 card with guilloche lines running through the fillers, found only by the second binarisation
    const p = await syntheticPage(5003, 'TD1', 'clean');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
  });

  it('drops the page edge read as letters before the zone when code and state prove it junk', async () => {
    // a turned, skewed photo: the card edge beside line 1 reads as "IEE", giving code "IE" and state "EPD"
    const p = await syntheticPage(5024, 'TD3', 'hard');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
    if (r.ok) expect(r.mrz.warnings.map((w) => w.code)).not.toContain('unknown_state');
  });

  it('drops junk read before a name line, where that line starts ahead of the others by room for it', async () => {
    // a turned card photo whose edge beside line 3 reads "IE": the name line has no check digit, and
    // the length repair alone would cut its last two fillers and keep "IEBBIHANVI" as the surname
    const p = await syntheticPage(5001, 'TD1', 'hard');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
    if (r.ok) expect(r.mrz.surname).toBe('BBIHANVI');
  });

  it('drops junk that only one line read, by where that line\'s first character stands', async () => {
    // a card edge runs beside all three lines, so every band starts at it; only the name line's
    // reading has it (as "I"), and its first character ends a glyph ahead of the others' first
    const p = await syntheticPage(1519, 'TD1', 'hard');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
    if (r.ok) expect(r.mrz.surname).toBe('DOZAOVAKA');
    // what was left out is kept with the reading, for the record
    if (r.ok) expect(r.read[2]).toMatchObject({ raw: p.lines[2], edgeJunk: 'I' });
  });

  it('does not settle for a guess on the glyph pass alone while another preprocessing may read the zone', async () => {
    // the model doubled a 0 in "80P45O90Q"; the glyph pass read "8OP45D9OQ", and repairing its D to 0
    // satisfied the check digit by chance: a valid, wrong document number. The binary pass reads it.
    const p = await syntheticPage(5040, 'TD3', 'clean');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
    if (r.ok) expect(r.mrz.documentNumber).toBe('80P45O90Q');
  });

  it('keeps the model\'s name line over the glyph pass\'s where both make a valid zone', async () => {
    // the model doubled a glyph in line 2, so the glyph pass's zone won; its templates read the Q of
    // "ELQU" as 0 (made O by the layout), which no check digit can catch
    const p = await syntheticPage(1020, 'TD3', 'clean');
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
    if (r.ok) expect(r.mrz.givenNames).toBe('ELQU');
  });

  it('settles O and 0 on a line the model read a glyph too long, through the glyph pass', async () => {
    // the model doubled a glyph in line 2 ("9O0B" for "9OB"); line 1's document number holds an O
    const p = await syntheticPage(1025, 'TD1', 'clean');
    expect(p.lines[0]).toMatch(/^.{5}[A-Z0-9]*O/);
    const r = await reader.read(p.image);
    expect(r.ok && r.lines).toEqual(p.lines);
  });
});

