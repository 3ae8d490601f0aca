import { parseMrz, splitZones, stateName, type MrzResult } from '../../core/mrz/index';
import { UserError } from '../../core/app/errors';
import { parseCliArgs } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliMrz } from '../mrzJson';

export const summary = 'read and check machine readable zones (ICAO 9303): checkpoint mrz parse [--json] [--correct] [ZONE]';

const USAGE = `Usage: checkpoint mrz parse [--json] [--correct] [--today YYYY-MM-DD] [ZONE]

Reads machine readable zones (TD1, TD2, TD3 passports and cards, MRV-A and MRV-B visas) and checks
every check digit.

  ZONE         the zone as one argument, lines separated by newlines (e.g. "$(cat zone.txt)")
               or by a literal \\n.
               Without ZONE the zones are read from standard input, separated by blank lines.
  --json       one JSON object per zone per line, in input order (fields: format, documentCode,
               issuingState, nationality, surname, givenNames, documentNumber, birthDate,
               expiryDate, sex, optionalData, valid, errors, warnings, lines, repairs).
  --correct    repair OCR confusions (O/0, I/1, S/5, < read as K…) where the position or a check
               digit demands it; every repair is listed.
  --today      the date to judge expiry and birth dates against (default: today).

Exit code: 0 when the input was read, even if some zones are invalid (each result says valid
true/false); 2 for usage errors (bad flags, no input).
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    correct: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  if (values.help || sub === 'help') {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (sub !== 'parse') {
    throw new UserError('bad_arguments', sub ? `unknown mrz subcommand "${sub}". Run \`checkpoint mrz --help\`.` : 'say what to do: `checkpoint mrz parse [ZONE]`. Run `checkpoint mrz --help`.');
  }
  if (rest.length > 1) {
    throw new UserError('bad_arguments', 'give the zone as ONE argument (quote it, lines separated by newlines), or pipe zones on standard input.');
  }
  let today: Date | undefined;
  if (values.today !== undefined) {
    today = new Date(`${values.today}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(today.getTime())) {
      throw new UserError('bad_arguments', `--today must be a date like 2026-01-31, got "${values.today}".`);
    }
  }

  // A zone typed in a shell often arrives with a literal \n between its lines.
  const arg = rest.length === 1 && !/[\r\n]/.test(rest[0]!) ? rest[0]!.replace(/\\n/g, '\n') : rest[0];
  const text = arg !== undefined ? arg : await readAll(ctx.stdin);
  const zones = rest.length === 1 ? [splitZones(text).flat()] : splitZones(text);
  if (zones.length === 0 || (zones.length === 1 && zones[0]!.length === 0)) {
    throw new UserError('no_input', 'no zone given: pass it as an argument or on standard input. Run `checkpoint mrz --help`.');
  }
  for (const zone of zones) {
    const result = parseMrz(zone, { correct: values.correct, ...(today ? { today } : {}) });
    if (values.json) writeJsonLine(ctx, cliMrz(result));
    else ctx.stdout.write(describe(result) + '\n');
  }
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  if ((stream as { isTTY?: boolean }).isTTY) {
    throw new UserError('no_input', 'no zone given and standard input is a terminal: pass the zone as an argument or pipe it in.');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A summary an officer or technician can read at a glance. */
function describe(r: MrzResult): string {
  const out: string[] = [];
  out.push(r.valid ? `VALID    ${r.format}` : `INVALID  ${r.format ?? 'not a zone'}`);
  if (r.format) {
    const state = (code: string) => (code ? `${code}${stateName(code) ? ` (${stateName(code)})` : ''}` : '-');
    out.push(`  document   ${r.documentCode || '-'} ${r.documentNumber || '-'}, issued by ${state(r.issuingState)}`);
    out.push(`  name       ${r.surname || '-'}${r.givenNames ? `, ${r.givenNames}` : ''}`);
    out.push(`  nationality ${state(r.nationality)}   sex ${r.sex || '-'}`);
    out.push(`  born       ${r.birthDate || '-'}   expires ${r.expiryDate || '-'}`);
    if (r.optionalData || r.optionalData2) out.push(`  optional   ${[r.optionalData, r.optionalData2].filter(Boolean).join(' / ')}`);
  }
  for (const e of r.errors) out.push(`  error      ${e.message}${e.line ? ` (line ${e.line}, position ${e.position})` : ''}`);
  for (const w of r.warnings) out.push(`  warning    ${w.message}`);
  if (r.repairs?.length) {
    const shown = r.repairs.slice(0, 12).map((x) => `${x.line}:${x.position} ${x.from === '' ? '∅' : x.from}→${x.to === '' ? '∅' : x.to}`);
    out.push(`  repaired   ${shown.join(', ')}${r.repairs.length > 12 ? ` and ${r.repairs.length - 12} more` : ''}`);
  }
  return out.join('\n');
}
