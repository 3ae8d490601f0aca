import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../electron/core/app/errors';
import { decodeGray, readInput } from '../../../electron/core/ocr/decode';
import { bmp24, hugePngHeader } from './helpers';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
}

describe('page images the reader refuses, with a reason the officer can act on', () => {
  it('an empty file', async () => {
    expect(await codeOf(decodeGray(Buffer.alloc(0)))).toBe('empty_image');
  });

  it('a PDF instead of an image', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    await expect(decodeGray(pdf)).rejects.toThrow(/PDF/);
  });

  it('a PNG cut off half way through transfer', async () => {
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    expect(await codeOf(decodeGray(png.subarray(0, Math.floor(png.length / 2))))).toBe('corrupt_image');
  });

  it('a 20000×20000 image is refused from its header, without decoding it', async () => {
    const before = process.memoryUsage().rss;
    expect(await codeOf(decodeGray(hugePngHeader(20000, 20000)))).toBe('image_too_large');
    // 400 Mpx of gray would be 400 MB; the refusal must cost nowhere near that
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  it('random bytes and a missing file', async () => {
    expect(await codeOf(decodeGray(Buffer.from('hello, not an image')))).toBe('unsupported_image');
    expect(await codeOf(readInput('/nonexistent/page.png'))).toBe('not_found');
  });
});

describe('page images the reader accepts', () => {
  it('reads an uncompressed BMP (libvips cannot) pixel for pixel', async () => {
    const gray = Buffer.from(Array.from({ length: 7 * 5 }, (_, i) => (i * 37) % 256));
    const g = await decodeGray(bmp24(gray, 7, 5));
    expect([g.width, g.height]).toEqual([7, 5]);
    const off = [...g.data].filter((v, i) => Math.abs(v - gray[i]!) > 1);
    expect(off).toEqual([]);
  });

  it('reduces a large scan to the working size and says by how much', async () => {
    const png = await sharp({ create: { width: 4800, height: 3400, channels: 3, background: '#eeeeee' } }).png().toBuffer();
    const g = await decodeGray(png);
    expect(Math.max(g.width, g.height)).toBe(2400);
    expect(g.scale).toBeCloseTo(0.5, 2);
  });
});
