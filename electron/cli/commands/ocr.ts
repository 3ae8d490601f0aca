import { basename } from 'node:path';
import { describeError, isUserError } from '../../core/app/errors';
import { UserError } from '../../core/app/errors';
import { createMrzReader, type OcrResult } from '../../core/ocr/index';
import { parseCliArgs } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliIssue } from '../mrzJson';

export const summary = 'read the machine readable zone from data-page images: checkpoint ocr [--json] IMAGE...';

const USAGE = `Usage: checkpoint ocr [--json] [--crops] [--today YYYY-MM-DD] IMAGE...

Finds the machine readable zone on each image (PNG, JPEG, TIFF, BMP; scans or photos, upright,
upside down or turned 90°, skewed up to 10°), reads it with the workstation's own MRZ model
(offline), repairs OCR confusions with the check digits, and prints the result per image, in order.

  --json     one JSON object per image per line:
             {"file","ok":true,"lines","format","documentNumber",…every field of \`checkpoint mrz parse\`…,
              "valid","errors","warnings","repairs","confidence","ms"}
             or {"file","ok":false,"error","ms"} when no zone could be read.
  --crops    with --json: add "zoneImage" and "portraitImage" (PNG, base64) when found.
  --today    the date expiry and birth dates are judged against (default: today).

Exit code: 0 when every image was looked at (each result says ok and valid), 1 when an image could
not be read at all (missing, damaged, not an image), 2 for usage errors.
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    crops: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UserError('bad_arguments', 'give one or more image files: `checkpoint ocr [--json] IMAGE...`. Run `checkpoint ocr --help`.');
  let today: Date | undefined;
  if (values.today !== undefined) {
    today = new Date(`${values.today}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(today.getTime())) {
      throw new UserError('bad_arguments', `--today must be a date like 2026-01-31, got "${values.today}".`);
    }
  }
  // one image: one worker is all it needs
  const reader = createMrzReader({ crops: Boolean(values.crops), ...(today ? { today } : {}), ...(positionals.length === 1 ? { workers: 1 } : {}) });
  let failed = 0;
  try {
    // a missing model is a setup problem for every image: say it once, not per file
    await reader.ready();
    for (const file of positionals) {
      const t0 = performance.now();
      let result: OcrResult | null = null;
      let error: string | null = null;
      try {
        result = await reader.read(file);
      } catch (e) {
        if (!isUserError(e)) throw e;
        error = e.message;
        failed++;
      }
      const ms = Math.round(performance.now() - t0);
      if (values.json) writeJsonLine(ctx, toJson(file, result, error, ms, Boolean(values.crops)));
      else ctx.stdout.write(describe(file, result, error, ms) + '\n');
    }
  } catch (e) {
    if (isUserError(e)) throw e;
    throw new UserError('ocr_failed', describeError(e));
  } finally {
    await reader.close();
  }
  return failed ? 1 : 0;
}

export function toJson(file: string, r: OcrResult | null, error: string | null, ms: number, crops: boolean): Record<string, unknown> {
  if (!r) return { file, ok: false, error, ms };
  if (!r.ok) return { file, ok: false, error: r.reason, code: r.code, ms };
  const { lines: _lines, repairs, valid, errors, warnings, ...fields } = r.mrz;
  const out: Record<string, unknown> = {
    file,
    ok: true,
    lines: r.lines,
    ...fields,
    valid,
    errors: errors.map(cliIssue),
    warnings: warnings.map(cliIssue),
    repairs: repairs ?? [],
    read: r.read.map((l) => l.raw),
    confidence: r.read.map((l) => l.confidence),
    rotation: r.rotation,
    skew: r.skew,
    ms,
  };
  if (crops) {
    if (r.zoneImage) out.zoneImage = r.zoneImage.toString('base64');
    if (r.portraitImage) out.portraitImage = r.portraitImage.toString('base64');
  }
  return out;
}

function describe(file: string, r: OcrResult | null, error: string | null, ms: number): string {
  const name = basename(file);
  if (!r) return `ERROR    ${name}: ${error}`;
  if (!r.ok) return `NO ZONE  ${name}: ${r.reason} (${ms} ms)`;
  const m = r.mrz;
  const out = [`${m.valid ? 'VALID  ' : 'INVALID'}  ${name}: ${m.format ?? 'unknown format'} in ${ms} ms, confidence ${r.read.map((l) => l.confidence).join('/')}`];
  for (const l of r.lines) out.push(`  ${l}`);
  if (m.repairs?.length) out.push(`  repaired: ${m.repairs.map((p) => `line ${p.line} pos ${p.position} ${p.from || '∅'}→${p.to || '∅'}`).join(', ')}`);
  for (const e of m.errors) out.push(`  error: ${e.message}`);
  return out.join('\n');
}
