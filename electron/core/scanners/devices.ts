/** What is plugged in: serial ports and HID devices, for the technician's set-up screen and the CLI. */
import { listHidDevices, type HidDeviceInfo } from '../../../native/hid';
import { listSerialPorts, type SerialPortInfo } from '../../../native/serial';

/** Why a list could not be read (e.g. udevadm missing): a code and its values for the screens, and an English sentence. */
export interface DeviceProblem {
  code: 'serial_list_failed' | 'hid_list_failed';
  params: { detail: string };
  message: string;
}

export interface DeviceList {
  serial: SerialPortInfo[];
  hid: HidDeviceInfo[];
  /** One per transport whose list could not be read. */
  problems: DeviceProblem[];
}

export async function listDevices(): Promise<DeviceList> {
  const problems: DeviceProblem[] = [];
  const firstLine = (e: Error) => e.message.split('\n')[0] ?? '';
  const [serial, hid] = await Promise.all([
    listSerialPorts().catch((e: Error) => {
      const detail = firstLine(e);
      problems.push({ code: 'serial_list_failed', params: { detail }, message: `Serial ports could not be listed (${detail})${process.platform === 'linux' ? ': install udev (`sudo apt-get install udev`)' : ''}.` });
      return [] as SerialPortInfo[];
    }),
    listHidDevices().catch((e: Error) => {
      const detail = firstLine(e);
      problems.push({ code: 'hid_list_failed', params: { detail }, message: `HID devices could not be listed (${detail}): run \`checkpoint doctor\`.` });
      return [] as HidDeviceInfo[];
    }),
  ]);
  return { serial, hid, problems };
}

/** Describes bytes for the technician console: hex pairs and printable text (control bytes as <STX> etc.). */
export function describeBytes(bytes: Buffer): { hex: string; text: string } {
  const names: Record<number, string> = { 0x01: 'SOH', 0x02: 'STX', 0x03: 'ETX', 0x0a: 'LF', 0x0d: 'CR', 0x1c: 'FS', 0x1d: 'GS' };
  let text = '';
  for (const b of bytes) text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `<${names[b] ?? b.toString(16).padStart(2, '0')}>`;
  return { hex: bytes.toString('hex').replace(/(..)(?!$)/g, '$1 '), text };
}
