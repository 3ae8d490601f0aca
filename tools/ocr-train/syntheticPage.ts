/**
 * Synthetic data pages (TD3 passport page, TD1 card back) with a known zone, for tests and the
 * OCR benchmark. Rendered at 10 px/mm (TD3 ≈ 1250×880) in OCR-B with ICAO pitch (2.54 mm), then
 * degraded: `clean` (as rendered), `mild` (flatbed: small skew, light blur/noise, JPEG),
 * `hard` (phone-like: up to ±10° skew, turned 90/180/270°, low resolution, uneven light, noise, JPEG 50).
 * Every value is fictional (random names from syllables, state codes, dates).
 */
import sharp from 'sharp';
import { formatMrz } from '../../electron/core/mrz/index';
import { LAYOUTS, fieldOf } from '../../electron/core/mrz/layout';
import { type Rng, type MrzFields, int, makeRng, mrzLines, pick, randomFields } from './mrzText';

export type Degradation = 'clean' | 'mild' | 'hard';

export interface SyntheticPage {
  image: Buffer;
  /** the zone as printed */
  lines: string[];
  fields: MrzFields;
  format: 'TD1' | 'TD3';
  degradation: Degradation;
  /** clockwise quarter turn applied (hard only) and skew in degrees */
  rotation: number;
  skew: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function guilloche(rng: Rng, w: number, h: number): string {
  let out = '';
  const hue = int(rng, 150, 230);
  for (let k = 0; k < 14; k++) {
    const amp = 10 + rng() * 40, period = 80 + rng() * 200, y0 = rng() * h, ph = rng() * 6;
    let d = `M0 ${y0.toFixed(1)}`;
    for (let x = 0; x <= w; x += 10) d += ` L${x} ${(y0 + amp * Math.sin(x / period + ph)).toFixed(1)}`;
    out += `<path d="${d}" stroke="hsl(${hue},35%,78%)" stroke-width="1.2" fill="none"/>`;
  }
  return out;
}

function mrzSvg(lines: string[], x: number, yFirst: number, lineStep: number): string {
  const pitch = 25.4;
  let out = '';
  lines.forEach((line, li) => {
    const xs = [...line].map((_, i) => (x + i * pitch).toFixed(1)).join(' ');
    out += `<text x="${xs}" y="${yFirst + li * lineStep}" font-family="OCR B" font-size="34" fill="#111">${esc(line)}</text>`;
  });
  return out;
}

function td3Svg(rng: Rng, f: MrzFields, lines: string[]): { svg: string; w: number; h: number } {
  const w = 1250, h = 880;
  const label = (x: number, y: number, t: string) => `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="15" fill="#446">${esc(t)}</text>`;
  const value = (x: number, y: number, t: string) => `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="24" fill="#111">${esc(t)}</text>`;
  const d = (s: string) => `${s.slice(4, 6)}.${s.slice(2, 4)}.${s.slice(0, 2)}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="hsl(${int(rng, 30, 60)},40%,95%)"/>${guilloche(rng, w, h)}
<text x="420" y="60" font-family="DejaVu Sans" font-size="30" font-weight="bold" fill="#335">PASSPORT · PASSEPORT</text>
<rect x="50" y="120" width="330" height="420" fill="#c9c9cf"/>
<ellipse cx="215" cy="300" rx="100" ry="130" fill="#8a7a70"/><ellipse cx="215" cy="520" rx="160" ry="90" fill="#55555f"/>
${label(420, 130, 'Type / Type')}${value(420, 160, f.documentCode.replace('<', ''))}
${label(600, 130, 'Code')}${value(600, 160, f.issuingState.replace(/</g, ''))}
${label(800, 130, 'Passport No.')}${value(800, 160, f.documentNumber)}
${label(420, 210, 'Surname / Nom')}${value(420, 240, f.surname)}
${label(420, 290, 'Given names / Prénoms')}${value(420, 320, f.givenNames)}
${label(420, 370, 'Nationality')}${value(420, 400, f.nationality.replace(/</g, ''))}
${label(420, 450, 'Date of birth')}${value(420, 480, d(f.birthDate))}${label(750, 450, 'Sex')}${value(750, 480, f.sex)}
${label(420, 530, 'Date of expiry')}${value(420, 560, d(f.expiryDate))}
${mrzSvg(lines, 62, 760, 50)}
</svg>`;
  return { svg, w, h };
}

function td1Svg(rng: Rng, lines: string[]): { svg: string; w: number; h: number } {
  const w = 856, h = 540;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" rx="30" fill="hsl(${int(rng, 180, 220)},30%,93%)"/>${guilloche(rng, w, h)}
<text x="40" y="60" font-family="DejaVu Sans" font-size="18" fill="#446">Address / Adresse</text>
<text x="40" y="90" font-family="DejaVu Sans" font-weight="bold" font-size="22" fill="#111">${int(rng, 1, 99)} ${pick(rng, ['MAIN', 'HIGH', 'PARK', 'LAKE'])} STREET</text>
<rect x="640" y="40" width="170" height="110" fill="#d8d8de"/>
${mrzSvg(lines, 47, 395, 52)}
</svg>`;
  return { svg, w, h };
}

const gauss = (rng: Rng) => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-9))) * Math.cos(2 * Math.PI * rng());

export async function syntheticPage(seed: number, format: 'TD1' | 'TD3', degradation: Degradation): Promise<SyntheticPage> {
  const rng = makeRng(seed * 7919 + (format === 'TD1' ? 1 : 0));
  const fields = randomFields(rng, format);
  const lines = mrzLines(fields);
  const { svg, w, h } = format === 'TD3' ? td3Svg(rng, fields, lines) : td1Svg(rng, lines);
  let img = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
  if (degradation === 'clean') {
    return { image: await img.png().toBuffer(), lines, fields, format, degradation, rotation: 0, skew: 0 };
  }
  const hard = degradation === 'hard';
  const skew = (rng() * 2 - 1) * (hard ? 10 : 3);
  const rotation = hard ? pick(rng, [0, 0, 90, 180, 270]) : 0;
  const scale = hard ? 0.6 + rng() * 0.25 : 0.85 + rng() * 0.25;
  // onto a scanner bed / table, skewed, at the chosen resolution
  const bed = hard ? '#6b6660' : '#f4f4f4';
  const png = await img.png().toBuffer();
  let page = sharp(png).extend({ top: 40, bottom: 40, left: 40, right: 40, background: bed }).rotate(skew, { background: bed });
  page = sharp(await page.png().toBuffer()).resize(Math.round((w + 80) * scale * 1.02));
  if (rotation) page = sharp(await page.png().toBuffer()).rotate(rotation);
  const { data, info } = await page.blur(hard ? 0.8 + rng() * 0.5 : 0.4 + rng() * 0.3).grayscale().raw().toBuffer({ resolveWithObject: true });
  // uneven light, low contrast and sensor noise
  const ch = info.channels;
  const noise = hard ? 12 : 5;
  const gx = hard ? (rng() - 0.5) * 70 : 0, gy = hard ? (rng() - 0.5) * 70 : 0;
  const lo = hard ? 30 + rng() * 30 : 0, hi = hard ? 200 + rng() * 40 : 255;
  const out = Buffer.alloc(info.width * info.height);
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const v = data[(y * info.width + x) * ch]!;
      let u = lo + (v / 255) * (hi - lo) + gx * (x / info.width - 0.5) + gy * (y / info.height - 0.5) + gauss(rng) * noise;
      out[y * info.width + x] = u < 0 ? 0 : u > 255 ? 255 : u;
    }
  const image = await sharp(out, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: hard ? 50 : 80 }).toBuffer();
  return { image, lines, fields, format, degradation, rotation, skew };
}

export type ZoneFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export interface ScanOptions {
  /** scan resolution; the page is drawn at 10 px/mm (254 dpi) and resized (default 300) */
  dpi?: number;
  /** degrees, clockwise (default 0) */
  skew?: number;
  /** quarter turn applied after the skew: 0, 90, 180 or 270 (default 0) */
  quarter?: number;
  /** JPEG quality (default 85) */
  quality?: number;
}

/**
 * A plain scanned document of any zone format (TD1, TD2, TD3 and both visa sizes) at a chosen
 * resolution, skew and turn: the formats and resolutions `syntheticPage` does not draw. Its own
 * random stream, so the bench's pages stay as they are. The zone is ICAO's: OCR-B at 2.54 mm pitch.
 */
export async function syntheticScan(seed: number, format: ZoneFormat, opts: ScanOptions = {}): Promise<{ image: Buffer; lines: string[] }> {
  const rng = makeRng(seed * 104729 + format.length * 7 + format.charCodeAt(2));
  const f = randomFields(rng, format === 'TD1' || format === 'TD2' ? format : 'TD3');
  const iso = (yymmdd: string, century: string) => `${century}${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const visa = format.startsWith('MRV');
  const lines = formatMrz(
    {
      documentCode: visa ? 'V' : format === 'TD3' ? 'P' : 'I',
      issuingState: f.issuingState,
      nationality: f.nationality,
      surname: f.surname,
      givenNames: f.givenNames,
      documentNumber: f.documentNumber.slice(0, 9),
      birthDate: iso(f.birthDate, '19'),
      expiryDate: iso(f.expiryDate, '20'),
      sex: f.sex === '<' ? '' : f.sex,
      optionalData: f.optional1.slice(0, fieldOf(LAYOUTS[format], 'optionalData').length),
    },
    format,
  );
  // ID-1 card (TD1), ID-2 (TD2, MRV-B), ID-3 page (TD3, MRV-A), at 10 px/mm
  const [w, h] = format === 'TD1' ? [856, 540] : format === 'TD2' || format === 'MRVB' ? [1050, 740] : [1250, 880];
  const step = format === 'TD1' ? 52 : 50;
  const yFirst = h - 45 - (lines.length - 1) * step;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="hsl(${int(rng, 20, 220)},30%,94%)"/>${guilloche(rng, w, h)}
<rect x="50" y="60" width="250" height="310" fill="#c9c9cf"/>
<text x="340" y="100" font-family="DejaVu Sans" font-size="28" font-weight="bold" fill="#335">${visa ? 'VISA' : format === 'TD3' ? 'PASSPORT' : 'IDENTITY CARD'} · ${esc(f.issuingState)}</text>
${mrzSvg(lines, format === 'TD1' ? 47 : 62, yFirst, step)}
</svg>`;
  const scale = (opts.dpi ?? 300) / 254;
  const bed = '#e8e8e8';
  let page = sharp(await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).extend({ top: 40, bottom: 40, left: 40, right: 40, background: bed }).png().toBuffer());
  if (opts.skew) page = sharp(await page.rotate(opts.skew, { background: bed }).png().toBuffer());
  page = page.resize(Math.round((w + 80) * scale));
  if (opts.quarter) page = sharp(await page.png().toBuffer()).rotate(opts.quarter);
  const image = await page.blur(0.3 + 0.2 * scale).grayscale().jpeg({ quality: opts.quality ?? 85 }).toBuffer();
  return { image, lines };
}
