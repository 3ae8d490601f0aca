import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeGray } from '../../../electron/core/ocr/decode';
import { locateZone } from '../../../electron/core/ocr/reader';
import { syntheticPage } from '../../../tools/ocr-train/syntheticPage';

describe('finding the zone on a page', () => {
  it('finds both lines of a clean passport page, level', async () => {
    const p = await syntheticPage(11, 'TD3', 'clean');
    const z = await locateZone(await decodeGray(p.image));
    expect(z).not.toBeNull();
    expect(z!.quarter).toBe(0);
    expect(z!.zone.rows).toHaveLength(2);
    expect(Math.abs(z!.zone.angle)).toBeLessThan(0.5);
    // the zone is the bottom of the page, across most of its width
    expect(z!.zone.box.y0 * z!.f).toBeGreaterThan(600);
    expect((z!.zone.box.x1 - z!.zone.box.x0) * z!.f).toBeGreaterThan(1000);
  });

  it('finds the three lines of a card skewed by several degrees and measures the skew', async () => {
    for (const seed of [3, 4, 8]) {
      const p = await syntheticPage(seed, 'TD1', 'hard');
      const z = await locateZone(await decodeGray(p.image));
      expect(z, `seed ${seed}`).not.toBeNull();
      expect(z!.zone.rows).toHaveLength(3);
      if (p.rotation === 0) expect(Math.abs(z!.zone.angle - p.skew)).toBeLessThan(1);
      if (p.rotation === 90 || p.rotation === 270) expect(z!.quarter).toBe(90);
    }
  });

  it('finds nothing on a photo without a document', async () => {
    const { data, info } = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 50 } } })
      .blur(3)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer();
    expect(await locateZone(await decodeGray(png))).toBeNull();
  });
});
