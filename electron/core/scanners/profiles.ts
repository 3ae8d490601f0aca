/**
 * Reader profiles: what the technician sets up once per counter (driver, framing, port or USB ids,
 * serial settings, commands to send). Stored as JSON in the data folder, validated on load and save.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../app/errors';
import { ACCESS_IS_VENDOR_ID } from './hid/accessHid';
import { ScannerProfileSchema, type ScannerProfile, type ScannerProfileInput } from '../../contract/scannerProfiles';

export const PROFILES_FILE = 'scanner-profiles.json';

export {
  FolderProfileSchema,
  HidProfileSchema,
  ScannerProfileSchema,
  SerialProfileSchema,
  SimulatorProfileSchema,
  type FolderProfile,
  type HidProfile,
  type ScannerProfile,
  type ScannerProfileInput,
  type SerialProfile,
  type SimulatorProfile,
} from '../../contract/scannerProfiles';

const ProfilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(ScannerProfileSchema).max(64),
});

export function parseProfile(input: unknown): ScannerProfile {
  const r = ScannerProfileSchema.safeParse(input);
  if (!r.success) throw new UserError('bad_profile', `Reader profile is not valid: ${describeIssues(r.error)}`);
  return r.data;
}

function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`)
    .join('; ');
}

export function hexToBytes(hex: string | undefined): Buffer | undefined {
  if (hex === undefined) return undefined;
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex');
}

/** Profiles prefilled for the reader families the workstation supports; the technician adjusts ports and ids. */
export function defaultProfiles(dataDir: string, platform = process.platform): ScannerProfile[] {
  const firstPort = platform === 'win32' ? 'COM3' : platform === 'darwin' ? '/dev/tty.usbserial' : '/dev/ttyUSB0';
  const defaults: ScannerProfileInput[] = [
    { id: 'serial-line', name: 'Serial reader, text lines (CR/LF)', driver: 'serial', port: { path: firstPort }, framing: 'line' },
    { id: 'desko-serial', name: 'DESKO-style serial reader (STX/ETX)', driver: 'serial', port: { path: firstPort }, framing: 'stx-etx' },
    { id: 'rte-serial', name: '3M/Thales RTE serial reader', driver: 'serial', port: { path: firstPort }, framing: 'rte' },
    { id: 'access-is-hid', name: 'Access-IS reader, vendor HID mode', driver: 'hid', mode: 'access-hid', device: { vendorId: ACCESS_IS_VENDOR_ID } },
    { id: 'keyboard-hid', name: 'Reader in keyboard mode (Linux only)', driver: 'hid', mode: 'keyboard', device: { vendorId: ACCESS_IS_VENDOR_ID, usagePage: 0x01 } },
    { id: 'hot-folder', name: 'Page scanner hot folder', driver: 'folder', dir: join(dataDir, 'hot-folder') },
    { id: 'simulator', name: 'Simulated reader (demo, training)', driver: 'simulator', framing: 'stx-etx' },
  ];
  return defaults.map((p) => ScannerProfileSchema.parse(p));
}

/** Saved profiles, or the defaults when none were saved yet. A damaged file is an error, never silently replaced. */
export function loadProfiles(dataDir: string): ScannerProfile[] {
  const file = join(dataDir, PROFILES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultProfiles(dataDir);
    throw new UserError('profiles_unreadable', `Cannot read reader profiles at ${file}: ${(e as Error).message}. Check the file's permissions.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError('profiles_invalid', `Reader profiles at ${file} are not valid JSON. Fix the file or move it away to start from the defaults.`);
  }
  const r = ProfilesFileSchema.safeParse(json);
  if (!r.success) throw new UserError('profiles_invalid', `Reader profiles at ${file} are not valid: ${describeIssues(r.error)}. Fix the file or move it away to start from the defaults.`);
  assertUniqueIds(r.data.profiles);
  return r.data.profiles;
}

export function saveProfiles(dataDir: string, profiles: ScannerProfileInput[]): ScannerProfile[] {
  const parsed = profiles.map(parseProfile);
  assertUniqueIds(parsed);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, PROFILES_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  // Write then rename: a crash mid-write leaves the previous profiles intact.
  writeFileSync(tmp, JSON.stringify({ version: 1, profiles: parsed }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  return parsed;
}

function assertUniqueIds(profiles: ScannerProfile[]): void {
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.id)) throw new UserError('profiles_invalid', `Two reader profiles share the id "${p.id}"; ids must be unique.`);
    seen.add(p.id);
  }
}
