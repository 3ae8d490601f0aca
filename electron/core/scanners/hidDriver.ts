/**
 * A reader on USB HID: keyboard mode (boot keyboard reports typed as text) or Access-IS vendor mode.
 * Found by vendor/product id (or path), reopened when plugged back.
 */
import { nodeHidBackend, type HidBackend, type HidDevice, type HidDeviceInfo } from '../../../native/hid';
import { BaseDriver } from './driver';
import { LineDecoder, StxEtxDecoder } from './framing';
import { ACCESS_FRAME_END, ACCESS_FRAME_START, accessHidPayload } from './hid/accessHid';
import { KeyboardReportDecoder } from './hid/keyboard';
import type { DecoderOutput } from './framing/decoder';
import { ByteStreamAssembler } from './pipeline';
import { hexToBytes, type HidProfile } from './profiles';
import type { ParseZone } from './types';

export interface HidDriverDeps {
  parse: ParseZone;
  backend?: HidBackend;
  retryMs?: number;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Picks the interface to read: the profile's path, else the first matching ids, preferring the usage page asked for. */
export function matchHidDevice(profile: HidProfile, devices: HidDeviceInfo[]): HidDeviceInfo | undefined {
  const d = profile.device;
  const candidates = devices.filter(
    (x) => x.path && (d.path ? x.path === d.path : x.vendorId === d.vendorId && (d.productId === undefined || x.productId === d.productId)),
  );
  const wantPage = d.usagePage ?? (profile.mode === 'keyboard' ? 0x01 : undefined);
  if (wantPage === undefined) return candidates.find((x) => (x.usagePage ?? 0) >= 0xff00) ?? candidates[0];
  return candidates.find((x) => x.usagePage === wantPage && (profile.mode !== 'keyboard' || x.usage === undefined || x.usage === 6)) ??
    (d.usagePage === undefined ? candidates[0] : undefined);
}

export class HidDriver extends BaseDriver {
  private device: HidDevice | null = null;
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempting: Promise<void> | null = null;
  private assembler: ByteStreamAssembler | null = null;
  private readonly backend: HidBackend;
  private readonly retryMs: number;

  constructor(
    readonly profile: HidProfile,
    deps: HidDriverDeps,
  ) {
    super(profile.id, 'hid', deps.parse);
    this.backend = deps.backend ?? nodeHidBackend;
    this.retryMs = deps.retryMs ?? 300;
  }

  get target(): string {
    const d = this.profile.device;
    return d.path ?? `USB ${hex4(d.vendorId)}:${d.productId === undefined ? '*' : hex4(d.productId)}`;
  }

  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus('connecting', `Looking for the reader on ${this.target}.`, 'looking', { target: this.target });
    await this.attempt();
  }

  async close(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.attempting;
    const dev = this.device;
    this.device = null;
    this.assembler?.stop();
    await dev?.close().catch(() => undefined);
    this.setStatus('disconnected', `Reader on ${this.target} closed.`, 'closed', { target: this.target });
  }

  async trigger(): Promise<void> {
    await this.sendWrites('trigger');
  }

  private attempt(): Promise<void> {
    this.attempting ??= this.connect().finally(() => {
      this.attempting = null;
    });
    return this.attempting;
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt();
    }, this.retryMs);
  }

  private async connect(): Promise<void> {
    if (!this.running || this.device) return;
    let info: HidDeviceInfo | undefined;
    try {
      info = matchHidDevice(this.profile, await this.backend.devices());
    } catch (e) {
      this.setStatus('error', `Cannot list HID devices (${(e as Error).message}): run \`checkpoint doctor\`.`, 'hid_list_failed', { detail: (e as Error).message });
      this.scheduleRetry();
      return;
    }
    if (!this.running) return;
    if (!info?.path) {
      this.setStatus('disconnected', `No reader found on ${this.target}: plug it in, or check the vendor/product id in the reader profile.`, 'not_found_hid', { target: this.target });
      this.scheduleRetry();
      return;
    }
    let dev: HidDevice;
    try {
      dev = await this.backend.open(info.path);
    } catch (e) {
      const msg = (e as Error).message;
      this.setStatus(
        'error',
        process.platform === 'linux'
          ? `Cannot open the reader ${hex4(info.vendorId)}:${hex4(info.productId)} (${msg}): install the reader udev rules so this user may read it (see \`checkpoint doctor\`).`
          : `Cannot open the reader ${hex4(info.vendorId)}:${hex4(info.productId)} (${msg}): close other programs using it; keyboard-mode readers must be switched to vendor HID or serial mode on this system.`,
        process.platform === 'linux' ? 'hid_open_failed' : 'hid_open_failed_keyboard',
        { device: `${hex4(info.vendorId)}:${hex4(info.productId)}`, detail: msg },
      );
      this.scheduleRetry();
      return;
    }
    if (!this.running) {
      await dev.close().catch(() => undefined);
      return;
    }
    this.device = dev;
    const toBytes = this.reportReader();
    const assembler =
      this.profile.mode === 'keyboard'
        ? new ByteStreamAssembler(new LineDecoder(), this.profile.gapMs ?? 100, this.sink())
        : new ByteStreamAssembler(new StxEtxDecoder({ startCode: ACCESS_FRAME_START, endCode: ACCESS_FRAME_END }), this.profile.gapMs ?? 1000, this.sink());
    this.assembler = assembler;
    dev.on('data', (report: Buffer) => {
      const at = Date.now();
      this.emitRaw('in', report, at);
      const bytes = toBytes(report);
      if (bytes) assembler.push(bytes, at);
    });
    dev.on('error', () => this.lost(dev));
    this.setStatus('connected', `Reader ${hex4(info.vendorId)}:${hex4(info.productId)} connected (${this.profile.mode === 'keyboard' ? 'keyboard mode' : 'vendor HID mode'}).`, 'connected_hid', {
      device: `${hex4(info.vendorId)}:${hex4(info.productId)}`,
      mode: this.profile.mode === 'keyboard' ? 'keyboard' : 'vendor',
    });
    await this.sendWrites('open');
  }

  private sink() {
    return {
      zone: (lines: string[], at: number) => {
        this.deliverZone(lines, at);
        void this.sendWrites('document');
      },
      problem: (p: Extract<DecoderOutput, { kind: 'problem' }>) => this.reportProblem(p.code, p.message, p.reason, p.params),
    };
  }

  /** Report -> stream bytes, per mode. */
  private reportReader(): (report: Buffer) => Buffer | null {
    if (this.profile.mode === 'keyboard') {
      const kb = new KeyboardReportDecoder({ reportId: this.profile.reportId });
      return (r) => {
        const text = kb.decode(r);
        return text ? Buffer.from(text, 'latin1') : null;
      };
    }
    return (r) => {
      const p = accessHidPayload(r, { reportId: this.profile.reportId });
      if (!p.ok) {
        this.reportProblem('bad_length', p.message, 'hid_report_length', p.params);
        return null;
      }
      return p.bytes;
    };
  }

  private lost(dev: HidDevice): void {
    if (this.device !== dev) return;
    this.device = null;
    this.assembler?.end();
    this.assembler = null;
    void dev.close().catch(() => undefined);
    if (!this.running) return;
    this.setStatus('disconnected', `Reader on ${this.target} disconnected: check the cable. Reconnecting when it comes back.`, 'unplugged', { target: this.target });
    this.scheduleRetry();
  }

  private async sendWrites(when: 'open' | 'document' | 'trigger'): Promise<void> {
    const dev = this.device;
    if (!dev) return;
    for (const w of this.profile.writes.filter((x) => x.when === when)) {
      const bytes = hexToBytes(w.hex)!;
      try {
        await dev.write(bytes);
        this.emitRaw('out', bytes);
      } catch (e) {
        this.reportProblem('device', `Could not send "${w.label ?? w.hex}" to the reader: ${(e as Error).message}.`, 'send_failed', { label: w.label ?? w.hex, error: (e as Error).message });
      }
    }
  }
}
