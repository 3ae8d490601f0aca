import { parseMrz } from '../mrz';
import type { HidBackend } from '../../../native/hid';
import { FolderDriver } from './folderDriver';
import { HidDriver } from './hidDriver';
import { parseProfile, type ScannerProfile, type ScannerProfileInput } from './profiles';
import { SerialDriver } from './serialDriver';
import { SimulatorDriver } from './simulator';
import type { ImageZoneReader, ParseZone, ScannerDriver } from './types';

export interface DriverDeps {
  /** Zone parser; defaults to the MRZ domain's parseMrz. */
  parse?: ParseZone;
  /**
   * OCR for hot-folder images: a reader, or a function creating it on the first image. Default: the OCR
   * domain's `createMrzReader()`, loaded on the first image only. `null`: no OCR (images go to failed/).
   */
  ocr?: ImageZoneReader | (() => Promise<ImageZoneReader>) | null;
  /** HID access; defaults to node-hid (tests pass a fake). */
  hid?: HidBackend;
}

const defaultParse: ParseZone = (lines) => parseMrz(lines);

/** The OCR engine loads its model on first use; the import is deferred too so serial/HID users never pay for it. */
const defaultOcr = async (): Promise<ImageZoneReader> => {
  const { createMrzReader } = await import('../ocr');
  return createMrzReader();
};

/** The driver for a profile (validated first: a bad profile is a UserError saying what to fix). */
export function createDriver(input: ScannerProfile | ScannerProfileInput, deps: DriverDeps = {}): ScannerDriver {
  const profile = parseProfile(input);
  const parse = deps.parse ?? defaultParse;
  switch (profile.driver) {
    case 'serial':
      return new SerialDriver(profile, { parse });
    case 'hid':
      return new HidDriver(profile, { parse, backend: deps.hid });
    case 'folder':
      return new FolderDriver(profile, { parse, ocr: deps.ocr === undefined ? defaultOcr : deps.ocr });
    case 'simulator':
      return new SimulatorDriver({ id: profile.id, framing: profile.framing, parse });
  }
}
