import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/app/errors';
import { exportShiftCsv, exportShiftPdf } from '../../core/export/index';
import { LOG_FILE, openInspectionLog } from '../../core/inspections/index';
import { dataDirFrom, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliActor } from './users';

export const summary = 'shift export for the supervisor: `export shift --from ISO --to ISO --format csv|pdf --out FILE`';

const USAGE = `Usage:
  checkpoint export shift --data-dir DIR --from ISO --to ISO [--officer NAME] [--site SITE] --format csv|pdf --out FILE [--json]
The period is [from, to). The file's SHA-256 is recorded in the audit chain.
CSV: UTF-8 with BOM, one row per inspection; columns in docs/inspection-log.md.
PDF: printable summary (counts, per officer, list versions, chain status, referrals/refusals/hits).
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    officer: { type: 'string' },
    site: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help || positionals[0] !== 'shift') {
    ctx.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const from = requireString(values, 'from');
  const to = requireString(values, 'to');
  const format = requireString(values, 'format');
  if (format !== 'csv' && format !== 'pdf') throw new UserError('bad_arguments', '--format must be csv or pdf.');
  const out = resolve(requireString(values, 'out'));
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (Number.isNaN(Date.parse(v))) throw new UserError('bad_arguments', `--${name} must be an ISO 8601 date or date-time, e.g. 2026-11-28T06:00:00Z.`);
  }
  const dataDir = dataDirFrom(values);
  if (!existsSync(join(dataDir, LOG_FILE))) throw new UserError('no_log', `There is no inspection log in ${dataDir}. Check --data-dir.`);
  const log = openInspectionLog(dataDir);
  try {
    const filter = { from, to, officer: values.officer, site: values.site };
    const started = performance.now();
    const r = format === 'csv' ? await exportShiftCsv(log, filter, out, { actor: cliActor() }) : await exportShiftPdf(log, filter, out, { actor: cliActor() });
    const ms = Math.round(performance.now() - started);
    if (values.json) writeJsonLine(ctx, { ...r, ms });
    else ctx.stdout.write(`Exported ${r.rows} inspection(s) to ${r.path} (${r.bytes} bytes, ${ms} ms).\nSHA-256 ${r.sha256} recorded as audit entry ${r.auditSeq}.\n`);
    return 0;
  } finally {
    log.close();
  }
}
