import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Every code a doctor line can carry, `<check>.<outcome>`: the technician screen says the line in its
 * language from it (`doctor.check.<code>`, the check's name from `doctor.name.<check>`); the English
 * `name`, `detail` and `fix` stay for the CLI.
 */
export const DOCTOR_CHECK_CODES = [
  'node.version',
  'electron.not_installed',
  'electron.running',
  'electron.binary',
  'electron.no_binary',
  'native.loads',
  'native.sqlite',
  'native.cannot_load',
  'data_folder.writable',
  'data_folder.not_writable',
  'check.failed',
  'inspection_log.not_created',
  'inspection_log.schema',
  'inspection_log.schema_upgrade',
  'inspection_log.too_new',
  'inspection_log.cannot_open',
  'watchlist.none',
  'watchlist.version',
  'watchlist.version_and_hand',
  'watchlist.by_hand',
  'watchlist.cannot_read',
  'screening_thresholds.defaults',
  'screening_thresholds.post',
  'screening_thresholds.bad',
  'watchlist_link.bad_config',
  'watchlist_link.none',
  'watchlist_link.failed',
  'watchlist_link.no_root',
  'watchlist_link.bad_root',
  'watchlist_link.ok',
  'watchlist_age.stale',
  'reader_profiles.ok',
  'reader_profiles.bad',
  'ocr_model.ok',
  'ocr_model.partial',
  'ocr_model.bad',
  'serial_ports.problem',
  'serial_ports.none',
  'serial_ports.found',
  'hid_devices.problem',
  'hid_devices.found',
  'serial_access.none',
  'serial_access.denied',
  'serial_access.ok',
  'hid_access.none',
  'hid_access.none_rules',
  'hid_access.denied',
  'hid_access.denied_no_rules',
  'hid_access.ok',
] as const;
export type DoctorCheckCode = (typeof DOCTOR_CHECK_CODES)[number];

/**
 * Codes whose `fix` is a sentence (translated as `doctor.fixFor.<code>`); the other fixes are commands to
 * type, shown as they are.
 */
export const DOCTOR_FIX_CODES = [
  'node.version',
  'electron.not_installed',
  'electron.no_binary',
  'native.cannot_load',
  'data_folder.not_writable',
  'inspection_log.too_new',
  'inspection_log.cannot_open',
  'watchlist.none',
  'watchlist.cannot_read',
  'screening_thresholds.bad',
  'watchlist_link.bad_config',
  'watchlist_link.none',
  'watchlist_link.failed',
  'watchlist_link.no_root',
  'watchlist_link.bad_root',
  'watchlist_link.ok',
  'watchlist_age.stale',
  'reader_profiles.bad',
  'ocr_model.partial',
  'ocr_model.bad',
] as const satisfies readonly DoctorCheckCode[];

/** One line of the technician's checklist: OK, or what is wrong and the fix to apply. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do when not ok. */
  fix?: string;
  /**
   * `warn` when not ok marks a set-up step still to do (no list imported yet, no link configured, no
   * Electron binary on a build machine): the workstation is not broken, so `doctor` still exits 0.
   */
  level?: 'warn';
  /** `detail` (and `fix`) as a code with the values they name, for translated screens. */
  code: DoctorCheckCode;
  params: Record<string, string | number>;
}

const require = createRequire(import.meta.url);

/** Where the Electron binary would be, if it was downloaded at install time. */
function electronStatus(): DoctorCheck {
  let version = '';
  try {
    version = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return { name: 'electron', ok: false, detail: 'electron package not installed', fix: 'Run `npm ci`.', code: 'electron.not_installed', params: {} };
  }
  if (process.versions.electron) return { name: 'electron', ok: true, detail: `running in Electron ${process.versions.electron}`, code: 'electron.running', params: { version: process.versions.electron } };
  try {
    const binary = require('electron') as unknown as string;
    if (typeof binary === 'string' && existsSync(binary)) return { name: 'electron', ok: true, detail: `Electron ${version} binary at ${binary}`, code: 'electron.binary', params: { version, path: binary } };
  } catch {
    /* the package throws when its binary was not downloaded */
  }
  return {
    name: 'electron',
    ok: false,
    detail: `Electron ${version} package installed, binary absent (download skipped or not reachable)`,
    fix: 'On a machine that can download Electron, run `npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD; here use `npm run web`.',
    level: 'warn',
    code: 'electron.no_binary',
    params: { version },
  };
}

function nativeModule(name: string, probe: () => { detail: string; sqlite?: string }): DoctorCheck {
  try {
    const p = probe();
    return p.sqlite
      ? { name, ok: true, detail: p.detail, code: 'native.sqlite', params: { module: name, version: p.sqlite } }
      : { name, ok: true, detail: p.detail, code: 'native.loads', params: { module: name } };
  } catch (e) {
    const error = (e as Error).message.split('\n')[0]!;
    return {
      name,
      ok: false,
      detail: `cannot load: ${error}`,
      fix: `Run \`npm rebuild ${name}\` (for the packaged app: rebuild against Electron's ABI, see README).`,
      code: 'native.cannot_load',
      params: { module: name, error },
    };
  }
}

export interface DoctorOptions {
  dataDir: string;
  /** Extra checks contributed by domains (serial ports, HID devices, OCR model, schema versions). */
  extraChecks?: Array<() => Promise<DoctorCheck[]> | DoctorCheck[]>;
}

export async function runDoctor(opts: DoctorOptions): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  checks.push({ name: 'node', ok: Number(process.versions.node.split('.')[0]) >= 20, detail: `Node ${process.versions.node}`, fix: 'Install Node 20.19 or newer.', code: 'node.version', params: { version: process.versions.node } });
  checks.push(electronStatus());
  checks.push(
    nativeModule('better-sqlite3', () => {
      const Database = require('better-sqlite3') as typeof import('better-sqlite3');
      const db = new Database(':memory:');
      const v = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
      db.close();
      return { detail: `loads, SQLite ${v}`, sqlite: v };
    }),
  );
  checks.push(
    nativeModule('serialport', () => {
      require('@serialport/bindings-cpp');
      return { detail: 'loads' };
    }),
  );
  checks.push(
    nativeModule('node-hid', () => {
      require('node-hid');
      return { detail: 'loads' };
    }),
  );
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    accessSync(opts.dataDir, constants.W_OK);
    checks.push({ name: 'data folder', ok: true, detail: `${opts.dataDir} is writable`, code: 'data_folder.writable', params: { dir: opts.dataDir } });
  } catch {
    checks.push({
      name: 'data folder',
      ok: false,
      detail: `${opts.dataDir} is not writable`,
      fix: `Give this user write access to ${opts.dataDir}, or choose another with --data-dir / CHECKPOINT_DATA_DIR.`,
      code: 'data_folder.not_writable',
      params: { dir: opts.dataDir },
    });
  }
  for (const extra of opts.extraChecks ?? []) {
    try {
      checks.push(...(await extra()));
    } catch (e) {
      checks.push({ name: 'check', ok: false, detail: `a check failed to run: ${(e as Error).message}`, code: 'check.failed', params: { error: (e as Error).message } });
    }
  }
  return checks;
}

