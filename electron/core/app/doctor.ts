import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One line of the technician's checklist: OK, or what is wrong and the fix to apply. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do when not ok. */
  fix?: string;
}

const require = createRequire(import.meta.url);

/** Where the Electron binary would be, if it was downloaded at install time. */
function electronStatus(): DoctorCheck {
  let version = '';
  try {
    version = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return { name: 'electron', ok: false, detail: 'electron package not installed', fix: 'Run `npm ci`.' };
  }
  if (process.versions.electron) return { name: 'electron', ok: true, detail: `running in Electron ${process.versions.electron}` };
  try {
    const binary = require('electron') as unknown as string;
    if (typeof binary === 'string' && existsSync(binary)) return { name: 'electron', ok: true, detail: `Electron ${version} binary at ${binary}` };
  } catch {
    /* the package throws when its binary was not downloaded */
  }
  return {
    name: 'electron',
    ok: false,
    detail: `Electron ${version} package installed, binary absent (download skipped or not reachable)`,
    fix: 'On a machine that can download Electron, run `npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD; here use `npm run web`.',
  };
}

function nativeModule(name: string, probe: () => string): DoctorCheck {
  try {
    return { name, ok: true, detail: probe() };
  } catch (e) {
    return {
      name,
      ok: false,
      detail: `cannot load: ${(e as Error).message.split('\n')[0]}`,
      fix: `Run \`npm rebuild ${name}\` (for the packaged app: rebuild against Electron's ABI, see README).`,
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
  checks.push({ name: 'node', ok: Number(process.versions.node.split('.')[0]) >= 20, detail: `Node ${process.versions.node}`, fix: 'Install Node 20.19 or newer.' });
  checks.push(electronStatus());
  checks.push(
    nativeModule('better-sqlite3', () => {
      const Database = require('better-sqlite3') as typeof import('better-sqlite3');
      const db = new Database(':memory:');
      const v = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
      db.close();
      return `loads, SQLite ${v}`;
    }),
  );
  checks.push(
    nativeModule('serialport', () => {
      require('@serialport/bindings-cpp');
      return 'loads';
    }),
  );
  checks.push(
    nativeModule('node-hid', () => {
      require('node-hid');
      return 'loads';
    }),
  );
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    accessSync(opts.dataDir, constants.W_OK);
    checks.push({ name: 'data folder', ok: true, detail: `${opts.dataDir} is writable` });
  } catch {
    checks.push({
      name: 'data folder',
      ok: false,
      detail: `${opts.dataDir} is not writable`,
      fix: `Give this user write access to ${opts.dataDir}, or choose another with --data-dir / CHECKPOINT_DATA_DIR.`,
    });
  }
  for (const extra of opts.extraChecks ?? []) {
    try {
      checks.push(...(await extra()));
    } catch (e) {
      checks.push({ name: 'check', ok: false, detail: `a check failed to run: ${(e as Error).message}` });
    }
  }
  return checks;
}

