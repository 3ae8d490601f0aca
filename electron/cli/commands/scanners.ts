import { UserError } from '../../core/app/errors';
import {
  createDriver,
  describeBytes,
  listDevices,
  loadProfiles,
  type ScannerDriver,
  type ScannerProfileInput,
} from '../../core/scanners';
import { dataDirFrom, intFlag, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliMrz } from '../mrzJson';

export const summary = 'document readers: list serial ports and HID devices, listen to a reader (test read)';

const USAGE = `Usage:
  checkpoint scanners list [--json]
  checkpoint scanners listen --driver serial --port PATH [--framing line|stx-etx|rte|auto] [--baud N]
                             [--count N] [--raw] [--json]
  checkpoint scanners listen --driver hid --device VID:PID [--mode access-hid|keyboard] [--count N] [--raw] [--json]
  checkpoint scanners listen --driver folder --dir DIR [--count N] [--json]
  checkpoint scanners listen --profile ID [--count N] [--raw] [--json]
  checkpoint scanners profiles [--json]

list      serial ports (path, USB vendor/product, manufacturer) and HID devices (vendor/product,
          usage page, product name).
listen    prints each document read: with --json one line {"lines": [...], "mrz": {...}} per document
          and one line {"error": "..."} per problem; reader status goes to stderr. Stops after
          --count documents, or on Ctrl-C / SIGTERM.
          --raw      also print every byte received and sent (hex and text) on stderr.
          --profile  use a saved reader profile (see \`checkpoint scanners profiles\`).
profiles  the reader profiles saved in the data folder (or the defaults).
`;

const hex4 = (n: number | string | undefined) => (n === undefined ? '----' : typeof n === 'number' ? n.toString(16).padStart(4, '0') : n);

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    driver: { type: 'string' },
    port: { type: 'string' },
    framing: { type: 'string' },
    baud: { type: 'string' },
    count: { type: 'string' },
    device: { type: 'string' },
    mode: { type: 'string' },
    dir: { type: 'string' },
    profile: { type: 'string' },
    raw: { type: 'boolean', default: false },
  });
  const [sub] = positionals;
  if (values.help || !sub || sub === 'help') {
    ctx.stdout.write(USAGE);
    return sub || values.help ? 0 : 2;
  }
  if (sub === 'list') return list(values.json === true, ctx);
  if (sub === 'profiles') {
    const profiles = loadProfiles(dataDirFrom(values));
    for (const p of profiles) {
      if (values.json) writeJsonLine(ctx, p);
      else ctx.stdout.write(`${p.id.padEnd(16)} ${p.driver.padEnd(9)} ${p.name}\n`);
    }
    return 0;
  }
  if (sub === 'listen') return listen(values, ctx);
  throw new UserError('bad_arguments', `unknown scanners subcommand "${sub}". Run \`checkpoint scanners --help\`.`);
}

async function list(json: boolean, ctx: CliContext): Promise<number> {
  const { serial, hid, problems } = await listDevices();
  for (const p of problems) ctx.stderr.write(`checkpoint: ${p.message}\n`);
  if (json) {
    for (const p of serial) writeJsonLine(ctx, { kind: 'serial', path: p.path, vendorId: p.vendorId ?? null, productId: p.productId ?? null, manufacturer: p.manufacturer ?? null });
    for (const d of hid) {
      writeJsonLine(ctx, {
        kind: 'hid',
        vendorId: hex4(d.vendorId),
        productId: hex4(d.productId),
        usagePage: d.usagePage === undefined ? null : hex4(d.usagePage),
        product: d.product ?? null,
        manufacturer: d.manufacturer ?? null,
        path: d.path ?? null,
      });
    }
    return 0;
  }
  ctx.stdout.write(`Serial ports (${serial.length}):\n`);
  for (const p of serial) ctx.stdout.write(`  ${p.path.padEnd(20)} ${p.vendorId ? `${p.vendorId}:${p.productId}` : '    -    '}  ${p.manufacturer ?? ''}\n`);
  ctx.stdout.write(`HID devices (${hid.length}):\n`);
  for (const d of hid) {
    ctx.stdout.write(`  ${hex4(d.vendorId)}:${hex4(d.productId)}  usage page ${d.usagePage === undefined ? '----' : hex4(d.usagePage)}  ${d.product ?? ''}${d.path ? `  (${d.path})` : ''}\n`);
  }
  if (serial.length === 0 && hid.length === 0) ctx.stdout.write('No readers found. Plug one in; on Linux run `checkpoint doctor` to check permissions.\n');
  return 0;
}

function parseUsbPair(text: string): { vendorId: number; productId: number } {
  const m = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(text.trim());
  if (!m) throw new UserError('bad_arguments', `--device must be VID:PID in hex, e.g. 0db5:0160; got "${text}".`);
  return { vendorId: parseInt(m[1]!, 16), productId: parseInt(m[2]!, 16) };
}

function profileFromFlags(values: Record<string, any>): ScannerProfileInput {
  const driver = requireString(values, 'driver');
  if (driver === 'serial') {
    const framing = values.framing ?? 'line';
    if (!['line', 'stx-etx', 'rte', 'auto'].includes(framing)) throw new UserError('bad_arguments', `--framing must be line, stx-etx, rte or auto; got "${framing}".`);
    return {
      id: 'cli',
      name: 'command line',
      driver: 'serial',
      port: { path: requireString(values, 'port') },
      framing,
      serial: { baudRate: intFlag(values, 'baud', 9600) || 9600 },
    };
  }
  if (driver === 'hid') {
    const mode = values.mode ?? 'access-hid';
    if (mode !== 'access-hid' && mode !== 'keyboard') throw new UserError('bad_arguments', `--mode must be access-hid or keyboard; got "${mode}".`);
    return { id: 'cli', name: 'command line', driver: 'hid', mode, device: parseUsbPair(requireString(values, 'device')) };
  }
  if (driver === 'folder') return { id: 'cli', name: 'command line', driver: 'folder', dir: requireString(values, 'dir') };
  throw new UserError('bad_arguments', `--driver must be serial, hid or folder; got "${driver}".`);
}

async function listen(values: Record<string, any>, ctx: CliContext): Promise<number> {
  const dataDir = dataDirFrom(values);
  let profile: ScannerProfileInput;
  if (values.profile) {
    const found = loadProfiles(dataDir).find((p) => p.id === values.profile);
    if (!found) throw new UserError('bad_arguments', `No reader profile "${values.profile}". Run \`checkpoint scanners profiles\` for the list.`);
    profile = found;
  } else {
    profile = profileFromFlags(values);
  }
  const count = intFlag(values, 'count', 0);
  const json = values.json === true;
  // Hot-folder images go to the OCR domain's reader (created on the first image).
  const driver: ScannerDriver = createDriver(profile);
  // the contract is one line per error: no flood control here (the app's console keeps it)
  driver.problemWindowMs = 0;
  let docs = 0;

  return await new Promise<number>((resolve) => {
    let done = false;
    const finish = async (code: number) => {
      if (done) return;
      done = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await driver.close();
      resolve(code);
    };
    const onSignal = () => void finish(0);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    driver.on('status', (s) => ctx.stderr.write(`[${s.state}] ${s.message}\n`));
    driver.on('error', (e) => {
      const message = e.suppressed ? `${e.message} (${e.suppressed} similar problems not shown)` : e.message;
      if (json) writeJsonLine(ctx, { error: message });
      else ctx.stderr.write(`problem: ${message}\n`);
    });
    if (values.raw) {
      driver.on('raw', (r) => {
        const { hex, text } = describeBytes(r.bytes);
        ctx.stderr.write(`${r.direction === 'in' ? '<<' : '>>'} ${hex}\n   ${text}\n`);
      });
    }
    driver.on('document', (d) => {
      if (done) return;
      docs++;
      if (json) writeJsonLine(ctx, { lines: d.lines, mrz: cliMrz(d.mrz) });
      else {
        const verdict = d.mrz.valid ? 'valid' : `INVALID: ${d.mrz.errors.map((e) => e.message).join(' ')}`;
        ctx.stdout.write(`${d.mrz.format} ${verdict}\n${d.lines.map((l) => `  ${l}`).join('\n')}\n`);
      }
      if (count > 0 && docs >= count) void finish(0);
    });
    driver.open().catch((e) => {
      ctx.stderr.write(`checkpoint: ${(e as Error).message}\n`);
      void finish(1);
    });
  });
}
