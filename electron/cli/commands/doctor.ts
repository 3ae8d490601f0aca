import { runDoctor } from '../../core/app/doctor';
import { doctorChecks } from '../../core/app/doctorChecks';
import { dataDirFrom, parseCliArgs } from '../args';
import { writeJsonLine, type CliContext } from '../context';

export const summary = "technician's checklist: versions, native modules, devices, data folder, OCR model, database";

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, {}, false);
  if (values.help) {
    ctx.stdout.write('Usage: checkpoint doctor [--json] [--data-dir DIR]\nEach line is OK, WARN (a set-up step still to do) or FAIL, with what to do. Exit code 1 when any check fails.\n');
    return 0;
  }
  const dataDir = dataDirFrom(values);
  const checks = await runDoctor({ dataDir, extraChecks: doctorChecks(dataDir) });
  if (values.json) {
    // The JSON lines keep the fields they always had; codes are for the translated screen.
    // `level`: ok, warn (a set-up step still to do) or fail; a fix only where there is something to fix.
    for (const { code: _code, params: _params, level, fix, ...c } of checks) writeJsonLine(ctx, { ...c, ...(c.ok || !fix ? {} : { fix }), level: c.ok ? 'ok' : (level ?? 'fail') });
  } else {
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const c of checks) {
      ctx.stdout.write(`${c.ok ? 'OK  ' : c.level === 'warn' ? 'WARN' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}${!c.ok && c.fix ? `\n      ${' '.repeat(width)}  fix: ${c.fix}` : ''}\n`);
    }
  }
  return checks.every((c) => c.ok || c.level === 'warn') ? 0 : 1;
}
