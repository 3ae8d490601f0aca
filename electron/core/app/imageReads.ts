import { createMrzReader, type MrzReader } from '../ocr';
import type { MrzResult } from '../mrz';

export interface ImageZone {
  ok: boolean;
  lines: string[];
  mrz: MrzResult | null;
  error?: string;
  images: { zone?: string; portrait?: string };
}

// One long-lived OCR worker per process, created on the first image (start-up stays fast).
let reader: MrzReader | null = null;

const dataUrl = (png?: Buffer) => (png ? `data:image/png;base64,${png.toString('base64')}` : undefined);

/** Reads the zone from a page image with the OCR domain's long-lived reader. Never invents lines. */
export async function readImageZone(image: Buffer | string): Promise<ImageZone> {
  reader ??= createMrzReader();
  const r = await reader.read(image);
  if (!r.ok) return { ok: false, lines: [], mrz: null, error: r.reason, images: {} };
  return { ok: true, lines: r.lines, mrz: r.mrz, images: { zone: dataUrl(r.zoneImage), portrait: dataUrl(r.portraitImage) } };
}

export async function closeImageReader(): Promise<void> {
  const r = reader;
  reader = null;
  await r?.close();
}
