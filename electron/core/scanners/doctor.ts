/**
 * `checkpoint doctor` lines for readers: ports and devices visible, and on Linux whether this user may
 * open them (with the command that fixes it).
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import type { DoctorCheck } from '../app/doctor';
import { listDevices } from './devices';
import { ACCESS_IS_VENDOR_ID } from './hid/accessHid';
import { loadProfiles, type ScannerProfile } from './profiles';
import { UDEV_RULES_FILE, udevInstallCommand } from './udev';

function canOpen(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function scannerDoctorChecks(dataDir: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  let profiles: ScannerProfile[] = [];
  try {
    profiles = loadProfiles(dataDir);
    const ids = profiles.map((p) => p.id).join(', ');
    checks.push({ name: 'reader profiles', ok: true, detail: `${profiles.length} profiles (${ids})`, code: 'reader_profiles.ok', params: { count: profiles.length, ids } });
  } catch (e) {
    checks.push({ name: 'reader profiles', ok: false, detail: (e as Error).message, fix: 'Fix or move away scanner-profiles.json in the data folder.', code: 'reader_profiles.bad', params: { error: (e as Error).message } });
  }

  const devices = await listDevices();
  const usbSerial = devices.serial.filter((p) => p.vendorId);
  const serialProblem = devices.problems.find((p) => p.code === 'serial_list_failed')?.message;
  const ports = devices.serial.map((p) => (p.vendorId ? `${p.path} (${p.vendorId}:${p.productId})` : p.path)).join(', ');
  checks.push({
    name: 'serial ports',
    ok: !serialProblem,
    detail: serialProblem ?? (devices.serial.length === 0 ? 'none found' : ports),
    fix: process.platform === 'linux' ? 'sudo apt-get install udev' : undefined,
    ...(serialProblem
      ? { code: 'serial_ports.problem' as const, params: { error: serialProblem } }
      : devices.serial.length === 0
        ? { code: 'serial_ports.none' as const, params: {} }
        : { code: 'serial_ports.found' as const, params: { ports } }),
  });
  const hidProblem = devices.problems.find((p) => p.code === 'hid_list_failed')?.message;
  checks.push({
    name: 'hid devices',
    ok: !hidProblem,
    detail: hidProblem ?? `${devices.hid.length} found`,
    fix: process.platform === 'linux' ? 'sudo apt-get install libusb-1.0-0 libudev1, then `npm rebuild node-hid`' : undefined,
    ...(hidProblem ? { code: 'hid_devices.problem' as const, params: { error: hidProblem } } : { code: 'hid_devices.found' as const, params: { count: devices.hid.length } }),
  });

  if (process.platform === 'linux') {
    const ttys = usbSerial.map((p) => p.path).filter((p) => existsSync(p));
    const deniedTty = ttys.filter((p) => !canOpen(p));
    checks.push({
      name: 'serial access',
      ok: deniedTty.length === 0,
      detail: ttys.length === 0 ? 'no USB serial reader plugged in' : deniedTty.length ? `this user cannot open ${deniedTty.join(', ')}` : `this user can open ${ttys.join(', ')}`,
      fix: 'sudo usermod -aG dialout $USER  (then log out and back in)',
      ...(ttys.length === 0
        ? { code: 'serial_access.none' as const, params: {} }
        : deniedTty.length
          ? { code: 'serial_access.denied' as const, params: { paths: deniedTty.join(', ') } }
          : { code: 'serial_access.ok' as const, params: { paths: ttys.join(', ') } }),
    });
    // Only reader nodes matter: other HID devices (keyboards, UPSes) are rightly root-only.
    const readerVendors = new Set([ACCESS_IS_VENDOR_ID, ...profiles.flatMap((p) => (p.driver === 'hid' ? [p.device.vendorId] : []))]);
    const hidraw = readerHidrawNodes(readerVendors);
    const deniedHid = hidraw.filter((p) => !canOpen(p));
    const rulesInstalled = existsSync(`/etc/udev/rules.d/${UDEV_RULES_FILE}`) || existsSync(`/lib/udev/rules.d/${UDEV_RULES_FILE}`);
    checks.push({
      name: 'hid access',
      ok: deniedHid.length === 0,
      detail:
        hidraw.length === 0
          ? `no HID reader plugged in${rulesInstalled ? '; reader udev rules installed' : ''}`
          : deniedHid.length
            ? `this user cannot open ${deniedHid.join(', ')}${rulesInstalled ? '' : ' (reader udev rules not installed)'}`
            : `this user can open ${hidraw.join(', ')}`,
      fix: udevInstallCommand(),
      ...(hidraw.length === 0
        ? { code: rulesInstalled ? ('hid_access.none_rules' as const) : ('hid_access.none' as const), params: {} }
        : deniedHid.length
          ? { code: rulesInstalled ? ('hid_access.denied' as const) : ('hid_access.denied_no_rules' as const), params: { paths: deniedHid.join(', ') } }
          : { code: 'hid_access.ok' as const, params: { paths: hidraw.join(', ') } }),
    });
  }
  return checks;
}

/** /dev/hidrawN nodes whose USB vendor is one of the readers' (read from sysfs HID_ID=bus:vendor:product). */
function readerHidrawNodes(vendors: Set<number>): string[] {
  let names: string[] = [];
  try {
    names = readdirSync('/sys/class/hidraw');
  } catch {
    return [];
  }
  return names
    .filter((n) => {
      try {
        const m = /HID_ID=[0-9A-F]+:([0-9A-F]+):/i.exec(readFileSync(`/sys/class/hidraw/${n}/device/uevent`, 'utf8'));
        return m !== null && vendors.has(parseInt(m[1]!, 16));
      } catch {
        return false;
      }
    })
    .map((n) => `/dev/${n}`);
}
