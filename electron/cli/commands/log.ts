import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/app/errors';
import { LOG_FILE, openInspectionLog } from '../../core/inspections/index';
import { dataDirFrom, intFlag, parseCliArgs } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliActor } from './users';

export const summary = 'inspection log: `log verify` walks the audit chain; `log purge` applies retention';

const USAGE = `Usage:
  checkpoint log verify --data-dir DIR [--json]
      Walks the audit chain; names the first broken link. Exit 0 intact, 1 broken.
  checkpoint log purge --data-dir DIR [--older-than-days N] [--json]
      Removes personal fields from records older than N days (default: configured retention, 90).
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { 'older-than-days': { type: 'string' } });
  const sub = positionals[0];
  if (values.help || !sub) {
    ctx.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (sub !== 'verify' && sub !== 'purge') throw new UserError('bad_arguments', `Unknown log subcommand "${sub}". Use verify or purge.`);
  const dataDir = dataDirFrom(values);
  // Verifying must not create an empty log and call it intact.
  if (!existsSync(join(dataDir, LOG_FILE))) throw new UserError('no_log', `There is no inspection log in ${dataDir}. Check --data-dir.`);
  const log = openInspectionLog(dataDir);
  try {
    if (sub === 'purge') {
      const days = values['older-than-days'] === undefined ? undefined : intFlag(values, 'older-than-days', 0);
      const r = log.purgePersonalData(days, cliActor());
      if (values.json) writeJsonLine(ctx, r);
      else ctx.stdout.write(`Purged personal data of ${r.purged} inspection(s) recorded before ${r.cutoff}.\n`);
      return 0;
    }
    const started = performance.now();
    const r = log.verifyChain();
    const ms = Math.round(performance.now() - started);
    if (values.json) writeJsonLine(ctx, { ...r, ms });
    else if (r.ok) ctx.stdout.write(`Audit chain intact: ${r.checked} entries checked in ${ms} ms.${r.head ? ` Head: entry ${r.head.seq} ${r.head.hash}` : ''}\n`);
    else {
      ctx.stdout.write(`Audit chain BROKEN at entry ${r.firstBroken!.seq}: ${r.firstBroken!.reason}.\n`);
      ctx.stdout.write(`${r.checked} entries before it are intact. Keep the file as evidence and tell the supervisor.\n`);
    }
    return r.ok ? 0 : 1;
  } finally {
    log.close();
  }
}
