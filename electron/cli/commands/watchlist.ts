import { auditListUpdateIn } from '../../core/app/listUpdateAudit';
import { createInterface } from 'node:readline';
import { UserError } from '../../core/app/errors';
import { IMPORT_FORMATS, isThreshold, openWatchlist, THRESHOLD_RULE, type ImportFormat, type ScreeningConfig, type ScreeningQuery } from '../../core/watchlist/index';
import { dataDirFrom, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';

export const summary = 'local watchlist: import lists, screen travellers (JSON lines), show list statistics';

const USAGE = `Usage:
  checkpoint watchlist import --data-dir DIR --format FORMAT FILE [--json]
      FORMAT: ${IMPORT_FORMATS.join(', ')}. One transaction: a bad file changes nothing;
      malformed rows are rejected and listed with their line numbers.
  checkpoint watchlist screen --data-dir DIR [--json] [--hit-threshold X] [--possible-threshold Y]
      Thresholds: defaults 0.86 / 0.72, or the post's DIR/screening.json
      ({"hitThreshold": 0.86, "possibleThreshold": 0.72, "maxResults": 10}); the flags override both.
      Reads one traveller per line on stdin as JSON:
      {"surname","givenNames","birthDate","nationality","sex","documentNumber","issuingState","documentCode"}
      and prints one line per traveller, in order: {"hits":[{"id","score","band","reasons"}]}.
  checkpoint watchlist stats --data-dir DIR [--json]
`;

const QUERY_FIELDS = ['surname', 'givenNames', 'birthDate', 'nationality', 'sex', 'documentNumber', 'issuingState', 'documentCode'] as const;

/** A traveller query from one JSON line; a wrong shape is an error for that line only. */
function parseQuery(text: string): ScreeningQuery {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('expected a JSON object');
  const q: ScreeningQuery = {};
  for (const f of QUERY_FIELDS) {
    const v = (o as Record<string, unknown>)[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new Error(`${f} must be a string`);
    q[f] = v;
  }
  return q;
}

async function importCmd(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { format: { type: 'string' } });
  const format = requireString(values, 'format') as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new UserError('bad_arguments', `--format must be one of ${IMPORT_FORMATS.join(', ')}; got "${format}".`);
  if (positionals.length !== 1) throw new UserError('bad_arguments', 'Give exactly one FILE to import. Run with --help for usage.');
  const dataDir = dataDirFrom(values);
  const store = openWatchlist(dataDir, undefined, { badConfig: 'defaults' }); // thresholds play no part in an import
  try {
    const t0 = performance.now();
    const before = store.listVersion().version;
    const r = store.importFile(format, positionals[0]!);
    const seconds = (performance.now() - t0) / 1000;
    if (r.added || r.updated || r.removed) {
      auditListUpdateIn(dataDir, 'cli', { how: 'import', fromVersion: before, toVersion: store.listVersion().version, entryCount: listSize(store), via: format, added: r.added, updated: r.updated });
    }
    if (values.json) writeJsonLine(ctx, { ...r, seconds });
    else {
      const extra = [r.unchanged ? `unchanged ${r.unchanged}` : '', r.removed ? `removed ${r.removed}` : '', r.skipped ? `skipped ${r.skipped} (not persons)` : ''].filter(Boolean);
      ctx.stdout.write(`added ${r.added}, updated ${r.updated}, rejected ${r.rejected}${extra.map((x) => `, ${x}`).join('')} in ${seconds.toFixed(1)} s\n`);
      for (const e of r.errors.slice(0, 50)) ctx.stdout.write(`  line ${e.line}: ${e.message}\n`);
      if (r.errors.length > 50) ctx.stdout.write(`  ... and ${r.errors.length - 50} more (use --json for all)\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

/** `--hit-threshold`/`--possible-threshold`: this run only, over the data folder's screening.json. */
function thresholdFlags(values: Record<string, unknown>): Partial<ScreeningConfig> {
  const out: Partial<ScreeningConfig> = {};
  for (const [flag, key] of [['hit-threshold', 'hitThreshold'], ['possible-threshold', 'possibleThreshold']] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    const n = Number(v);
    if (typeof v !== 'string' || !isThreshold(n)) throw new UserError('bad_arguments', `--${flag} ${THRESHOLD_RULE}; got "${String(v)}".`);
    out[key] = n;
  }
  return out;
}

async function screenCmd(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { 'hit-threshold': { type: 'string' }, 'possible-threshold': { type: 'string' } }, false);
  const store = openWatchlist(dataDirFrom(values), thresholdFlags(values));
  let failed = 0;
  try {
    const rl = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl) {
      line++;
      if (!text.trim()) continue;
      let query: ScreeningQuery;
      try {
        query = parseQuery(text);
      } catch (e) {
        failed++;
        // No verdict for a query we could not read: an error line, never an empty "clear" result.
        if (values.json) writeJsonLine(ctx, { error: `line ${line}: ${(e as Error).message}` });
        else ctx.stdout.write(`line ${line}: error: ${(e as Error).message}\n`);
        continue;
      }
      const r = store.screen(query);
      const hits = r.hits.map((h) => ({ id: h.id, score: h.score, band: h.band, reasons: h.reasons }));
      if (values.json) writeJsonLine(ctx, { hits });
      else if (!hits.length) ctx.stdout.write(`line ${line}: no hit\n`);
      else for (const h of hits) ctx.stdout.write(`line ${line}: ${h.band.toUpperCase()} ${h.id} ${h.score}  ${h.reasons.join('; ')}\n`);
    }
  } finally {
    store.close();
  }
  if (failed) ctx.stderr.write(`checkpoint: ${failed} line(s) could not be read as a traveller query.\n`);
  return failed ? 1 : 0;
}

async function statsCmd(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, {}, false);
  const store = openWatchlist(dataDirFrom(values), undefined, { badConfig: 'defaults' });
  try {
    const s = store.stats();
    if (values.json) writeJsonLine(ctx, s);
    else {
      ctx.stdout.write(`persons ${s.persons}, documents ${s.documents}, list version ${s.listVersion ?? 'none'}${s.publishedAt ? ` (published ${s.publishedAt})` : ''}, ${(s.fileBytes / 2 ** 20).toFixed(1)} MB on disk\n`);
      for (const [source, n] of Object.entries(s.bySource)) ctx.stdout.write(`  ${source}: ${n}\n`);
      for (const [format, i] of Object.entries(s.imports)) ctx.stdout.write(`  last ${format} import: ${i.file} at ${i.at} (added ${i.added}, updated ${i.updated}, rejected ${i.rejected})\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(USAGE);
    return sub ? 0 : 2;
  }
  if (sub === 'import') return importCmd(rest, ctx);
  if (sub === 'screen') return screenCmd(rest, ctx);
  if (sub === 'stats') return statsCmd(rest, ctx);
  throw new UserError('bad_arguments', `Unknown watchlist subcommand "${sub}". Use import, screen or stats.`);
}

function listSize(store: { stats(): { persons: number; documents: number } }): number {
  const s = store.stats();
  return s.persons + s.documents;
}
