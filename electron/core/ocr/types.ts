import type { MrzResult } from '../mrz/types';

/** A rectangle in the pixels of the image as it was given (before any rotation by the reader). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrLine {
  /** The characters as the model read them, before any check-digit repair. */
  raw: string;
  /** Tesseract's line confidence, 0–100. */
  confidence: number;
  /** Characters read before the zone's left edge (a page edge or card corner) and left out of `raw`. */
  edgeJunk?: string;
}

export interface OcrSuccess {
  ok: true;
  /** The zone as parsed (fields as `checkpoint mrz parse` gives them), lines after repair. */
  mrz: MrzResult;
  /** Lines after repair (same as mrz.lines). */
  lines: string[];
  /** What the model read per line, with its confidence. */
  read: OcrLine[];
  /** How the page had to be turned to read it: 0, 90, 180 or 270 degrees clockwise, plus the deskew. */
  rotation: number;
  skew: number;
  /** Which preprocessing produced the result (for the technician: how hard the page was). */
  attempt: string;
  attempts: number;
  ms: number;
  /** Zone and portrait crops (PNG), when found. The portrait area is estimated from the zone. */
  zoneImage?: Buffer;
  portraitImage?: Buffer;
}

export interface OcrFailure {
  ok: false;
  /** Stable code: `no_zone`, `unreadable`. */
  code: string;
  /** A sentence an officer can act on. */
  reason: string;
  ms: number;
}

export type OcrResult = OcrSuccess | OcrFailure;

export interface MrzReaderOptions {
  /** Folder holding mrz.traineddata (or mrz.traineddata.gz). Defaults to resources/ocr of the app. */
  modelDir?: string;
  /** Skip the zone and portrait crops (saves a few milliseconds). */
  crops?: boolean;
  /** Refuse images with more pixels than this (memory bound). Default 60 million. */
  maxPixels?: number;
  /** The day the zone is judged against (expiry warnings); default now. */
  today?: Date;
  /** Lines read side by side (one tesseract.js worker each). Default: 2 where there are 2+ cores, else 1. */
  workers?: number;
}

export interface MrzReader {
  read(image: Buffer | string): Promise<OcrResult>;
  close(): Promise<void>;
}
