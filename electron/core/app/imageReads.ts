import { UserError } from './errors';
import type { MrzResult } from '../mrz';

export interface ImageZone {
  ok: boolean;
  lines: string[];
  mrz: MrzResult | null;
  error?: string;
  images: { zone?: string; portrait?: string };
}

/** Reads the zone from a page image with the OCR domain's long-lived reader (created on first use). */
export async function readImageZone(_image: Buffer | string): Promise<ImageZone> {
  throw new UserError('ocr_unavailable', 'Reading page images is not available on this workstation yet. Enter the zone by hand.');
}

export async function closeImageReader(): Promise<void> {}
