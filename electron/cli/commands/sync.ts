import { auditListUpdateIn } from '../../core/app/listUpdateAudit';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/app/errors';
import {
  generateRepositoryKeys,
  loadSyncConfig,
  openListStore,
  publishWatchlist,
  pullWatchlist,
  readSyncStatus,
  refreshRepository,
  saveSyncConfig,
  type ListStore,
} from '../../core/sync';
import { IMPORT_FORMATS, readSourceEntries, type ImportFormat } from '../../core/watchlist';
import { dataDirFrom, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';

export const summary = 'watchlist distribution: keygen/publish/refresh (headquarters), pull/status/config (workstation)';

const USAGE = `Usage: checkpoint sync <action> [options]

Headquarters (publisher):
  keygen  --out DIR                        Ed25519 keys for the TUF roles and the root.json to install on workstations
  publish --repo DIR --keys DIR --format FORMAT FILE
                                           import FILE (bundle, opensanctions-csv, ftm, un-xml, ofac-csv, sltd-csv)
                                           and publish it as the next signed list version (snapshot + delta)
          [--timestamp-hours N]            how long the timestamp signature is valid (default 24)
          [--allow-rejects]                publish even if some rows of FILE could not be read (listed on stderr)
  refresh --repo DIR --keys DIR            re-sign the short-lived metadata; run every few hours (cron)

Workstation:
  pull    [--url URL] [--root FILE]        fetch, verify and apply the newest list (exit 1 on failure)
  status  [--json]                         version in use, published, last checked, last error, stale
  config  [--url URL] [--root FILE] [--interval-minutes N] [--stale-after-hours N]
                                           show or change the stored sync settings

Common: --data-dir DIR, --json (one object per line on stdout).
`;

const fmtTime = (iso: string | null, now = Date.now()) => {
  if (!iso) return 'never';
  const h = (now - Date.parse(iso)) / 3_600_000;
  const ago = h < 1 ? `${Math.max(0, Math.round(h * 60))} min ago` : h < 48 ? `${h.toFixed(1)} h ago` : `${(h / 24).toFixed(1)} days ago`;
  return `${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} (${ago})`;
};

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UserError('bad_arguments', `--${name} must be a positive number, got "${String(v)}".`);
  return n;
}

/** The watchlist store when the data folder has one; status never creates an empty database. */
function existingStore(dataDir: string): ListStore | null {
  return existsSync(join(dataDir, 'watchlist.db')) ? openListStore(dataDir) : null;
}

async function keygen(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { out: { type: 'string' } }, false);
  const out = resolve(requireString(values, 'out'));
  const r = generateRepositoryKeys(out);
  if (values.json) writeJsonLine(ctx, { keysDir: r.keysDir, rootFile: r.rootFile, keyIds: r.keyIds });
  else {
    ctx.stdout.write(`Keys written to ${r.keysDir} (private: keep this folder offline and backed up).\n`);
    ctx.stdout.write(`Install ${r.rootFile} on every workstation (checkpoint sync pull --root FILE, or sync config --root FILE).\n`);
  }
  return 0;
}

async function publish(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    repo: { type: 'string' },
    keys: { type: 'string' },
    format: { type: 'string' },
    'timestamp-hours': { type: 'string' },
    'allow-rejects': { type: 'boolean', default: false },
  });
  const repo = resolve(requireString(values, 'repo'));
  const keys = resolve(requireString(values, 'keys'));
  const format = requireString(values, 'format');
  if (positionals.length !== 1) throw new UserError('bad_arguments', 'Give exactly one list FILE to publish. Run with --help for usage.');
  const file = resolve(positionals[0]!);
  if (!existsSync(file)) throw new UserError('file_not_found', `${file} does not exist.`);
  const timestampHours = numberFlag(values, 'timestamp-hours');
  if (!(IMPORT_FORMATS as string[]).includes(format)) throw new UserError('bad_arguments', `Unknown --format "${format}". Use one of: ${IMPORT_FORMATS.join(', ')}.`);
  const source = readSourceEntries(format as ImportFormat, file);
  if (source.rejected.length) {
    // A row dropped silently could be a wanted person missing from every workstation.
    const shown = source.rejected.slice(0, 10).map((r) => `  line ${r.line}: ${r.message}`);
    ctx.stderr.write(`${source.rejected.length} row(s) of ${file} were rejected:\n${shown.join('\n')}${source.rejected.length > 10 ? '\n  ...' : ''}\n`);
    if (!values['allow-rejects']) {
      throw new UserError('sync_rejected_rows', 'Nothing was published. Fix those rows, or pass --allow-rejects to publish the list without them.');
    }
  }
  const r = await publishWatchlist({ repoDir: repo, keysDir: keys, entries: source.entries, expiry: timestampHours ? { timestampHours } : {} });
  if (values.json) writeJsonLine(ctx, r);
  else if (!r.published) ctx.stdout.write(`The list is unchanged (${r.entryCount} entries); version ${r.listVersion} stays current. Nothing published.\n`);
  else {
    ctx.stdout.write(`Published list version ${r.listVersion}: ${r.entryCount} entries (${r.added} added, ${r.changed} changed, ${r.removed} removed).\n`);
    ctx.stdout.write(`Snapshot ${r.snapshotBytes} bytes${r.deltaBytes !== null ? `, delta ${r.deltaBytes} bytes` : ''}. Serve ${repo} as static files.\n`);
  }
  return 0;
}

async function refresh(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { repo: { type: 'string' }, keys: { type: 'string' }, 'timestamp-hours': { type: 'string' } }, false);
  const timestampHours = numberFlag(values, 'timestamp-hours');
  const r = refreshRepository({ repoDir: resolve(requireString(values, 'repo')), keysDir: resolve(requireString(values, 'keys')), expiry: timestampHours ? { timestampHours } : {} });
  if (values.json) writeJsonLine(ctx, r);
  else ctx.stdout.write(`Re-signed ${r.renewed.join(', ')}; the timestamp is valid until ${r.timestampExpires}.\n`);
  return 0;
}

async function pull(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { url: { type: 'string' }, root: { type: 'string' } }, false);
  const dataDir = dataDirFrom(values);
  const store = openListStore(dataDir);
  // Entries imported by hand since the last full list: a snapshot replaces them, which must be said.
  const handChanges = () => (store as { stats?: () => { handChanges: number } }).stats?.().handChanges ?? 0;
  const handBefore = handChanges();
  try {
    const r = await pullWatchlist({
      dataDir,
      store,
      url: typeof values.url === 'string' ? values.url : undefined,
      rootFile: typeof values.root === 'string' ? resolve(values.root) : undefined,
      // Progress goes to stderr so stdout stays one result (and a supervisor can see which stage it is in).
      onProgress: (p) => ctx.stderr.write(`sync: ${p.stage}: ${p.detail}\n`),
    });
    if (r.updated) auditListUpdateIn(dataDir, 'cli', { how: 'pull', fromVersion: r.fromVersion, toVersion: r.listVersion, entryCount: r.entryCount, via: r.via });
    const replacedHandChanges = handBefore > 0 && handChanges() === 0 ? handBefore : 0;
    if (values.json) writeJsonLine(ctx, { ...r, ...(replacedHandChanges ? { replacedHandChanges } : {}) });
    else if (!r.updated) ctx.stdout.write(`List version ${r.listVersion} is current.\n`);
    else ctx.stdout.write(`List version ${r.listVersion} in use (${r.entryCount} entries; from ${r.fromVersion ?? 'none'} via ${r.via}, ${r.downloadedBytes} bytes downloaded).\n`);
    if (replacedHandChanges && !values.json) {
      ctx.stdout.write(`Note: the full list from headquarters replaced ${replacedHandChanges} entries added or changed by hand on this workstation (\`watchlist import\`); import them again if they are still wanted.\n`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    if (values.json) writeJsonLine(ctx, { error: e.code, message: e.message });
    ctx.stderr.write(`checkpoint: ${e.message}\n`);
    return 1;
  } finally {
    store.close?.();
  }
}

async function status(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, {}, false);
  const dataDir = dataDirFrom(values);
  const store = existingStore(dataDir);
  try {
    const s = readSyncStatus(dataDir, store);
    if (values.json) {
      writeJsonLine(ctx, { version: s.version, publishedAt: s.publishedAt, checkedAt: s.checkedAt, lastError: s.lastError, stale: s.stale });
      return 0;
    }
    const threshold = loadSyncConfig(dataDir).staleAfterHours;
    ctx.stdout.write(
      [
        `List version:   ${s.version ?? 'none (no list yet)'}`,
        `Published:      ${fmtTime(s.publishedAt)}`,
        `Last confirmed: ${fmtTime(s.checkedAt)}`,
        `Stale:          ${s.stale ? `YES (not confirmed current for more than ${threshold} h; screening still uses this list)` : `no (threshold ${threshold} h)`}`,
        `Last error:     ${s.lastError ?? 'none'}`,
      ].join('\n') + '\n',
    );
    return 0;
  } finally {
    store?.close?.();
  }
}

async function config(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { url: { type: 'string' }, root: { type: 'string' }, 'interval-minutes': { type: 'string' }, 'stale-after-hours': { type: 'string' } }, false);
  const dataDir = dataDirFrom(values);
  const changes: Record<string, unknown> = {};
  if (typeof values.url === 'string') changes.url = values.url;
  if (typeof values.root === 'string') changes.rootPath = resolve(values.root);
  const interval = numberFlag(values, 'interval-minutes');
  if (interval !== undefined) changes.intervalMinutes = interval;
  const staleAfter = numberFlag(values, 'stale-after-hours');
  if (staleAfter !== undefined) changes.staleAfterHours = staleAfter;
  const c = Object.keys(changes).length ? saveSyncConfig(dataDir, changes) : loadSyncConfig(dataDir);
  if (values.json) writeJsonLine(ctx, c);
  else ctx.stdout.write(`url: ${c.url ?? '(not set)'}\nroot: ${c.rootPath ?? '(not set)'}\ninterval: ${c.intervalMinutes} min\nstale after: ${c.staleAfterHours} h\n`);
  return 0;
}

const actions: Record<string, (args: string[], ctx: CliContext) => Promise<number>> = { keygen, publish, refresh, pull, status, config };

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h' || rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(USAGE);
    return action ? 0 : 2;
  }
  const fn = actions[action];
  if (!fn) {
    ctx.stderr.write(`checkpoint sync: unknown action "${action}".\n${USAGE}`);
    return 2;
  }
  return fn(rest, ctx);
}
