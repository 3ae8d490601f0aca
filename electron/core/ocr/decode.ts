/**
 * Turns whatever a scanner or an officer hands over into an 8-bit grayscale page, or a clear error.
 * Memory stays bounded: the pixel count is checked from the header before anything is decoded,
 * and big scans are reduced to a working size that still leaves the zone's glyphs 25+ px tall.
 */
import { readFile, stat } from 'node:fs/promises';
import sharp, { type Sharp, type KernelEnum } from 'sharp';
import { UserError } from '../app/errors';

export interface GrayImage {
  data: Buffer;
  width: number;
  height: number;
  /** Working pixels per original pixel (≤ 1): crops and boxes are reported in working pixels. */
  scale: number;
}

/** Largest side kept for reading: a 600-dpi passport page is reduced by about half. */
export const WORK_MAX_SIDE = 2400;
export const DEFAULT_MAX_PIXELS = 60_000_000;
/** Larger files are refused before they are read into memory. */
const MAX_FILE_BYTES = 200 * 2 ** 20;

type Kind = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'pdf' | 'unknown';

export function sniff(b: Buffer): Kind {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 4 && b.toString('latin1', 0, 4) === '%PDF') return 'pdf';
  return 'unknown';
}

export async function readInput(image: Buffer | string): Promise<Buffer> {
  if (Buffer.isBuffer(image)) return image;
  let size: number;
  try {
    const s = await stat(image);
    if (!s.isFile()) throw new UserError('not_a_file', `${image} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('not_found', `cannot open ${image}: check the path and that the file is readable.`);
  }
  if (size > MAX_FILE_BYTES) throw new UserError('too_large', `the file is ${Math.round(size / 2 ** 20)} MB; an image of a data page should be well under ${MAX_FILE_BYTES / 2 ** 20} MB. Scan at 300–600 dpi.`);
  return readFile(image);
}

/** Decodes to grayscale at working size. Throws UserError for anything that is not a readable page image. */
export async function decodeGray(buf: Buffer, maxPixels = DEFAULT_MAX_PIXELS): Promise<GrayImage> {
  if (buf.length === 0) throw new UserError('empty_image', 'the image file is empty: scan the page again.');
  const kind = sniff(buf);
  if (kind === 'pdf') throw new UserError('unsupported_image', 'this is a PDF, not an image: save the page as PNG, JPEG or TIFF and read that.');
  if (kind === 'unknown') throw new UserError('unsupported_image', 'not an image this reader knows: use PNG, JPEG, TIFF or BMP.');
  const tooBig = (w: number, h: number): UserError =>
    new UserError('image_too_large', `the image is ${w}×${h} pixels, more than ${Math.round(maxPixels / 1e6)} million: scan at 300–600 dpi instead.`);
  try {
    let img: Sharp;
    if (kind === 'bmp') {
      const bmp = decodeBmp(buf, maxPixels, tooBig);
      img = sharp(bmp.data, { raw: { width: bmp.width, height: bmp.height, channels: 1 } });
    } else {
      // the header alone (no pixels decoded) says how big the image is
      const meta = await sharp(buf, { limitInputPixels: false }).metadata();
      if (meta.width && meta.height && meta.width * meta.height > maxPixels) throw tooBig(meta.width, meta.height);
      // autoOrient: honour EXIF orientation from phone cameras before we look for the zone ourselves.
      img = sharp(buf, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true }).autoOrient();
    }
    const { data, info } = await img
      .flatten({ background: '#ffffff' })
      .grayscale()
      .resize(WORK_MAX_SIDE, WORK_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const scale = await originalWidth(buf, kind).then((w) => (w ? info.width / w : 1));
    return { data: data.length === info.width * info.height ? data : firstChannel(data, info.width, info.height, info.channels), width: info.width, height: info.height, scale };
  } catch (e) {
    if (e instanceof UserError) throw e;
    const msg = (e as Error).message ?? '';
    if (/pixel limit|exceeds/i.test(msg)) throw new UserError('image_too_large', `the image has more than ${Math.round(maxPixels / 1e6)} million pixels: scan at 300–600 dpi instead.`);
    throw new UserError('corrupt_image', `the ${kind.toUpperCase()} image is damaged or incomplete (${msg.split('\n')[0]!.slice(0, 120)}): scan the page again.`);
  }
}

async function originalWidth(buf: Buffer, kind: Kind): Promise<number | undefined> {
  if (kind === 'bmp') return Math.abs(buf.readInt32LE(18));
  const m = await sharp(buf).metadata();
  // EXIF orientations 5–8 swap width and height
  return m.orientation && m.orientation >= 5 ? m.height : m.width;
}

function firstChannel(data: Buffer, w: number, h: number, ch: number): Buffer {
  const out = Buffer.alloc(w * h);
  for (let i = 0; i < w * h; i++) out[i] = data[i * ch]!;
  return out;
}

/**
 * Uncompressed Windows bitmaps (1, 4, 8, 24, 32 bits), which libvips does not read.
 * Some flatbed drivers still write them.
 */
export function decodeBmp(b: Buffer, maxPixels: number, tooBig: (w: number, h: number) => Error): { data: Buffer; width: number; height: number } {
  const bad = (why: string) => new UserError('corrupt_image', `the BMP image is damaged or of an unsupported kind (${why}): save it as PNG or TIFF.`);
  if (b.length < 54) throw bad('too short');
  const offset = b.readUInt32LE(10);
  const width = b.readInt32LE(18);
  const rawH = b.readInt32LE(22);
  const height = Math.abs(rawH);
  const bpp = b.readUInt16LE(28);
  const compression = b.readUInt32LE(30);
  if (width <= 0 || height === 0) throw bad('no size');
  if (width * height > maxPixels) throw tooBig(width, height);
  if (compression !== 0 && !(compression === 3 && bpp === 32)) throw bad(`compression ${compression}`);
  if (![1, 4, 8, 24, 32].includes(bpp)) throw bad(`${bpp} bits per pixel`);
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (offset + stride * height > b.length) throw bad('truncated');
  const headerSize = b.readUInt32LE(14);
  const paletteAt = 14 + headerSize;
  const gray = (r: number, g: number, bl: number) => (r * 299 + g * 587 + bl * 114) / 1000;
  const palette: number[] = [];
  if (bpp <= 8) {
    const n = b.readUInt32LE(46) || 1 << bpp;
    for (let i = 0; i < n && paletteAt + i * 4 + 2 < b.length; i++) palette.push(gray(b[paletteAt + i * 4 + 2]!, b[paletteAt + i * 4 + 1]!, b[paletteAt + i * 4]!));
  }
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawH > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      let v: number;
      if (bpp === 24 || bpp === 32) {
        const p = row + x * (bpp / 8);
        v = gray(b[p + 2]!, b[p + 1]!, b[p]!);
      } else {
        const bit = x * bpp;
        const byte = b[row + (bit >> 3)]!;
        const idx = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        v = palette[idx] ?? 0;
      }
      out[y * width + x] = v;
    }
  }
  return { data: out, width, height };
}
