/**
 * Document readers behind one driver interface: serial (line, stx-etx, rte framings), HID (keyboard
 * mode, Access-IS vendor mode), a hot folder of page scans, and a simulator.
 */
export { createDriver, type DriverDeps } from './createDriver';
export { testRead, type TestReadResult } from './testRead';

export type {
  ScannedDocument,
  ScannerDriver,
  ScannerDriverEvents,
  ScannerSource,
  ScannerState,
  ScannerStatus,
  RawTraffic,
  ParseZone,
  ImageZoneReader,
} from './types';
export { ScannerProblem, type ScannerProblemCode, SCANNER_STATUS_CODES, type ScannerStatusCode, READER_PROBLEM_CODES, type ReaderProblemReason } from './types';
export {
  defaultProfiles,
  loadProfiles,
  saveProfiles,
  parseProfile,
  ScannerProfileSchema,
  PROFILES_FILE,
  type ScannerProfile,
  type ScannerProfileInput,
  type SerialProfile,
  type HidProfile,
  type FolderProfile,
  type SimulatorProfile,
} from './profiles';
export { SimulatorDriver, type SimulatedFraming, type SimulatorOptions } from './simulator';
export { SerialDriver } from './serialDriver';
export { HidDriver, matchHidDevice } from './hidDriver';
export { FolderDriver, PROCESSED_DIR, FAILED_DIR } from './folderDriver';
export { listDevices, describeBytes, type DeviceList } from './devices';
export { scannerDoctorChecks } from './doctor';
export { udevRulesPath, udevInstallCommand, UDEV_RULES_FILE } from './udev';
export { encodeFrame, type Framing, type SerialFraming } from './framing';
export { encodeKeyboardReports } from './hid/keyboard';
export { encodeAccessHidReports, ACCESS_IS_VENDOR_ID } from './hid/accessHid';

