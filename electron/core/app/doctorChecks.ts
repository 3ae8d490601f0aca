import type { DoctorCheck } from './doctor';
import { databaseChecks, syncChecks } from './databaseChecks';

/**
 * Domain checks for `checkpoint doctor`, one entry per domain (scanners: ports, devices, permissions;
 * ocr: model present; inspections/watchlist: schema versions). Each domain adds its function here.
 */
export function doctorChecks(_dataDir: string): Array<() => Promise<DoctorCheck[]> | DoctorCheck[]> {
  return [
    // Loaded on demand: a broken serialport/node-hid build must not stop the other checks.
    async () => (await import('../scanners')).scannerDoctorChecks(_dataDir),
    async () => (await import('../ocr')).ocrDoctorChecks(),
    () => databaseChecks(_dataDir),
    () => syncChecks(_dataDir),
  ];
}
