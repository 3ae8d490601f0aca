import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const DATASETS = resolve(here, '../../../../shared/datasets');
export const SPECIMENS = resolve(DATASETS, 'specimen-pages');
export const hasSpecimens = existsSync(SPECIMENS);
export const MODEL_DIR = resolve(here, '../../../resources/ocr');
export const hasModel = existsSync(resolve(MODEL_DIR, 'mrz.traineddata')) || existsSync(resolve(MODEL_DIR, 'mrz.traineddata.gz'));

/**
 * A temporary model folder: each entry is a file of resources/ocr copied under the given name, or bytes
 * written as they are (a damaged model). The caller removes the folder.
 */
export function modelFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mrz-model-'));
  for (const [name, from] of Object.entries(files)) {
    if (typeof from === 'string') copyFileSync(resolve(MODEL_DIR, from), join(dir, name));
    else writeFileSync(join(dir, name), from);
  }
  return dir;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const v of b) c = CRC_TABLE[(c ^ v) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A well-formed PNG header claiming width×height gray pixels, with one row of data: what a 20000×20000 "image" costs to send. */
export function hugePngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const idat = deflateSync(Buffer.alloc(width + 1, 0));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** 24-bit bottom-up BMP from a gray raster. */
export function bmp24(gray: Buffer, width: number, height: number): Buffer {
  const stride = Math.floor((24 * width + 31) / 32) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = gray[y * width + x]!;
      const p = 54 + (height - 1 - y) * stride + x * 3;
      out[p] = out[p + 1] = out[p + 2] = v;
    }
  return out;
}
