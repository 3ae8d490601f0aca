import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, UserError } from '../../core/app/errors';
import { HEAD_FILE, LOG_FILE, openInspectionLog, verifyLogFile, type ChainHead, type VerifyResult } from '../../core/inspections/index';
import { dataDirFrom, intFlag, parseCliArgs } from '../args';
import { writeJsonLine, type CliContext } from '../context';
import { cliActor } from './users';

export const summary = 'inspection log: `log verify` walks the audit chain; `log purge` applies retention';

const USAGE = `Usage:
  checkpoint log verify --data-dir DIR [--expect-head SEQ:HASH] [--json]
      Walks the audit chain; names the first broken link. Exit 0 intact, 1 broken.
      The end of the chain is checked against ${HEAD_FILE} (kept beside the log) and, with
      --expect-head, against a head printed by an earlier verify: deleted newest entries show.
  checkpoint log purge --data-dir DIR [--older-than-days N] [--json]
      Removes personal fields from records older than N days (default: configured retention, 90).
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { 'older-than-days': { type: 'string' }, 'expect-head': { type: 'string' } });
  const sub = positionals[0];
  if (values.help || !sub) {
    ctx.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (sub !== 'verify' && sub !== 'purge') throw new UserError('bad_arguments', `Unknown log subcommand "${sub}". Use verify or purge.`);
  const dataDir = dataDirFrom(values);
  // Verifying must not create an empty log and call it intact.
  if (!existsSync(join(dataDir, LOG_FILE))) throw new UserError('no_log', `There is no inspection log in ${dataDir}. Check --data-dir.`);
  const expectHead = values['expect-head'] === undefined ? undefined : parseHead(String(values['expect-head']));
  let log: ReturnType<typeof openInspectionLog>;
  try {
    log = openInspectionLog(dataDir);
  } catch (e) {
    // A dropped table: the log cannot be opened for recording, but verify still reports what is left.
    if (sub !== 'verify' || !isUserError(e) || e.code !== 'log_damaged') throw e;
    const started = performance.now();
    const r = verifyLogFile(dataDir, { expectHead });
    return report(r, Math.round(performance.now() - started), values.json === true, ctx);
  }
  try {
    if (sub === 'purge') {
      const days = values['older-than-days'] === undefined ? undefined : intFlag(values, 'older-than-days', 0);
      const r = log.purgePersonalData(days, cliActor());
      if (values.json) writeJsonLine(ctx, r);
      else ctx.stdout.write(`Purged personal data of ${r.purged} inspection(s) recorded before ${r.cutoff}.\n`);
      return 0;
    }
    const started = performance.now();
    const r = log.verifyChain(undefined, { expectHead });
    return report(r, Math.round(performance.now() - started), values.json === true, ctx);
  } finally {
    log.close();
  }
}

function parseHead(v: string): ChainHead {
  const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(v.trim());
  if (!m) throw new UserError('bad_arguments', '--expect-head takes SEQ:HASH: the head entry number and its full 64-digit hash, as `checkpoint log verify` prints them.');
  return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}

function report(r: VerifyResult, ms: number, json: boolean, ctx: CliContext): number {
  if (json) writeJsonLine(ctx, { ...r, ms });
  else if (r.ok) {
    ctx.stdout.write(`Audit chain intact: ${r.checked} entries checked in ${ms} ms.${r.head ? ` Head: entry ${r.head.seq} ${r.head.hash}` : ''}\n`);
    if (r.anchor?.status === 'missing') {
      ctx.stdout.write(`The end of the log was not checked: there is no ${HEAD_FILE} yet (a data folder from before head files; it is written with the next entry). Keep the head above to check it later with --expect-head.\n`);
    } else if (r.anchor?.status === 'behind') {
      ctx.stdout.write(`${HEAD_FILE} names entry ${r.anchor.recorded!.seq}, which is intact; the entries after it were recorded since (or just before a crash).\n`);
    }
  } else {
    ctx.stdout.write(`Audit chain BROKEN at entry ${r.firstBroken!.seq}: ${r.firstBroken!.reason}.\n`);
    ctx.stdout.write(`${r.checked} entries before it are intact. Keep the file as evidence and tell the supervisor.\n`);
  }
  return r.ok ? 0 : 1;
}
