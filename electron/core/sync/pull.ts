/**
 * Workstation side: fetch and verify the signed metadata (tuf-js does signatures, thresholds, expiry,
 * rollback, freeze and mix-and-match), download the bundles the list needs into the data folder with
 * resumable range requests, verify them against the signed lengths and hashes, and only then apply
 * them to the watchlist store in one transaction. Until that commit the previous list stays in use.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statfsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, type TargetFile } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { UserError } from '../app/errors';
import type { BundleHeader } from '../watchlist';
import { writeFileAtomic } from '../app/atomicFile';
import { BundleWriter, readBundleHeader, readBundleOps } from './bundleFile';
import { acquireLock } from './fileLock';
import type { ListStore } from './listStore';
import { classifyPullError } from './pullErrors';
import { hashedTargetPath, INDEX_TARGET, METADATA_DIR, repoIndexSchema, TARGETS_DIR, type DeltaRef, type RepoIndex } from './repoLayout';
import { downloadVerifiedTarget } from './resumableDownload';
import { loadSyncConfig, repositoryUrlSchema, syncDir } from './syncConfig';
import { saveSyncState } from './syncState';

export type PullStage = 'metadata' | 'download' | 'verify' | 'apply' | 'done';

export interface PullProgress {
  stage: PullStage;
  detail: string;
}

export interface PullOptions {
  dataDir: string;
  /** The list store screening uses; its listVersion() is where the pull starts. */
  store: ListStore;
  /** Repository base URL; defaults to the stored sync config. */
  url?: string;
  /** root.json to trust on first use; defaults to the stored sync config. Ignored once a root is trusted. */
  rootFile?: string;
  idleTimeoutMs?: number;
  onProgress?: (p: PullProgress) => void;
}

export interface PullResult {
  updated: boolean;
  fromVersion: number | null;
  listVersion: number;
  entryCount: number;
  publishedAt: string;
  via: 'none' | 'delta' | 'snapshot';
  bundles: number;
  downloadedBytes: number;
  /** Why the signed deltas were not used although complete (the store refused them); null normally. */
  deltaRefused: string | null;
}

export function tufDir(dataDir: string): string {
  return join(syncDir(dataDir), 'tuf');
}
export function downloadsDir(dataDir: string): string {
  return join(syncDir(dataDir), 'downloads');
}

const ROOT_BACKUP = 'root.trusted.json';

/** In slices when the store can (the event loop stays free for the officer's screen), else in one go. */
async function applyBundle(store: ListStore, file: string, opts: { expectedVersion: number; expectedCount: number }) {
  return store.applyBundleAsync ? store.applyBundleAsync(file, opts) : store.applyBundle(file, opts);
}

/** Parses a root.json and checks it is signed by its own root keys. */
function checkRootFile(bytes: Buffer, source: string): void {
  try {
    const md = Metadata.fromJSON(MetadataKind.Root, JSON.parse(bytes.toString('utf8')));
    md.verifyDelegate(MetadataKind.Root, md);
  } catch {
    throw new UserError('sync_bad_root', `${source} is not a valid, self-signed TUF root.json. Use the root.json made by \`checkpoint sync keygen\` at headquarters.`);
  }
}

/**
 * Makes sure tuf-js finds a trusted root: the installed one on first use, or the backup of the last
 * verified root if the working copy was torn by a crash (tuf-js writes it in place).
 */
function ensureTrustedRoot(dir: string, rootFile: string | null): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const working = join(dir, 'root.json');
  const backup = join(dir, ROOT_BACKUP);
  if (existsSync(working)) {
    try {
      checkRootFile(readFileSync(working), working);
      return;
    } catch {
      if (existsSync(backup)) {
        copyFileSync(backup, working);
        return;
      }
    }
  }
  if (!rootFile) {
    throw new UserError('sync_no_root', 'This workstation has no trusted root.json yet. Pass --root FILE (the root.json from headquarters) or set it with `checkpoint sync config --root FILE`.');
  }
  if (!existsSync(rootFile)) throw new UserError('sync_no_root', `${rootFile} does not exist. Pass the root.json from headquarters with --root FILE.`);
  const bytes = readFileSync(rootFile);
  checkRootFile(bytes, rootFile);
  writeFileAtomic(working, bytes, 0o600);
  writeFileAtomic(backup, bytes, 0o600);
  // A new trust anchor: metadata cached under an older one means nothing.
  for (const f of ['timestamp.json', 'snapshot.json', 'targets.json']) if (existsSync(join(dir, f))) unlinkSync(join(dir, f));
}

function targetUrl(base: string, info: TargetFile): string {
  return `${base}/${TARGETS_DIR}/${hashedTargetPath(info.path, info.hashes.sha256 ?? '')}`;
}

/** The delta chain from `from` to the index's version, or null when a link is missing. */
export function planDeltaChain(index: RepoIndex, from: number): DeltaRef[] | null {
  const byBase = new Map(index.deltas.map((d) => [d.baseVersion, d]));
  const chain: DeltaRef[] = [];
  let v = from;
  while (v < index.listVersion) {
    const d = byBase.get(v);
    if (!d || d.listVersion <= v) return null;
    chain.push(d);
    v = d.listVersion;
  }
  return v === index.listVersion ? chain : null;
}

/**
 * Folds a verified delta chain into one delta (last operation per id wins) so the store applies the
 * whole catch-up in a single transaction: after a crash the list is the old or the new version, never
 * one in between. An entry added and removed again within the chain is left out (it is not in the list
 * the chain starts from, so deleting it would be refused).
 */
async function composeDeltas(files: string[], header: BundleHeader, out: string, store: ListStore): Promise<string> {
  const last = new Map<string, string | null>();
  const firstWasPut = new Set<string>();
  for (const f of files) {
    for await (const { op, line } of readBundleOps(f)) {
      const id = op.op === 'put' ? op.entry.id : op.id;
      if (!last.has(id) && op.op === 'put') firstWasPut.add(id);
      last.set(id, op.op === 'put' ? line : null);
    }
  }
  const w = new BundleWriter(`${out}.writing`, header);
  for (const [id, line] of last) {
    if (line !== null) continue;
    if (firstWasPut.has(id) && store.getEntry(id) === null) continue;
    w.write(JSON.stringify({ op: 'del', id }));
  }
  for (const line of last.values()) if (line !== null) w.write(line);
  w.close();
  renameSync(`${out}.writing`, out);
  return out;
}

function checkHeader(file: string, expect: Partial<BundleHeader>, what: string): BundleHeader {
  const h = readBundleHeader(file);
  for (const [k, v] of Object.entries(expect)) {
    if ((h as unknown as Record<string, unknown>)[k] !== v) {
      throw new UserError('sync_bad_bundle', `The ${what} bundle says ${k}=${String((h as unknown as Record<string, unknown>)[k])} where the signed index says ${String(v)}: refused.`);
    }
  }
  return h;
}

/** Room for the download and the database growing by about as much again. */
function checkDiskSpace(dir: string, bytes: number): void {
  try {
    const s = statfsSync(dir);
    const free = s.bavail * s.bsize;
    if (free < bytes * 2.5 + 50 * 2 ** 20) {
      throw new UserError('sync_disk_full', `Not enough disk space for the list update: ${Math.round(free / 2 ** 20)} MB free, about ${Math.round((bytes * 2.5) / 2 ** 20) + 50} MB needed. Free space in the data folder.`);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    /* statfs not available: the write will fail clearly if the disk fills */
  }
}

function cleanDownloads(dir: string, keep: Set<string>): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (!keep.has(f)) unlinkSync(join(dir, f));
}

/** One pull. Records the outcome in the sync state; on failure throws a UserError and the list stays as it was. */
export async function pullWatchlist(opts: PullOptions): Promise<PullResult> {
  const { dataDir, store } = opts;
  const progress = (stage: PullStage, detail: string) => opts.onProgress?.({ stage, detail });
  mkdirSync(syncDir(dataDir), { recursive: true, mode: 0o700 });
  const release = acquireLock(join(syncDir(dataDir), 'pull.lock'), 'list pull');
  const attemptedAt = new Date().toISOString();
  try {
    const config = loadSyncConfig(dataDir);
    const rawUrl = opts.url ?? config.url;
    if (!rawUrl) throw new UserError('sync_no_url', 'No repository URL is set. Pass --url URL or set it with `checkpoint sync config --url URL`.');
    const urlCheck = repositoryUrlSchema.safeParse(rawUrl);
    if (!urlCheck.success) throw new UserError('sync_bad_config', `The repository URL ${urlCheck.error.issues[0]?.message ?? 'is not valid'}.`);
    const base = urlCheck.data;

    const metaDir = tufDir(dataDir);
    const dlDir = downloadsDir(dataDir);
    mkdirSync(dlDir, { recursive: true, mode: 0o700 });
    ensureTrustedRoot(metaDir, opts.rootFile ?? config.rootPath);

    progress('metadata', `checking signed metadata at ${base}`);
    const updater = new Updater({
      metadataDir: metaDir,
      metadataBaseUrl: `${base}/${METADATA_DIR}`,
      targetBaseUrl: `${base}/${TARGETS_DIR}`,
      targetDir: dlDir,
      // No retries inside a pull: the scheduler retries with backoff, and a technician sees the failure at once.
      config: { fetchTimeout: opts.idleTimeoutMs ?? 30_000, fetchRetries: 0, userAgent: 'checkpoint-workstation' },
    });
    await updater.refresh();
    // The root may have been rotated; keep an intact copy of the newest verified one.
    writeFileAtomic(join(metaDir, ROOT_BACKUP), readFileSync(join(metaDir, 'root.json')), 0o600);

    const indexInfo = await updater.getTargetInfo(INDEX_TARGET);
    if (!indexInfo) throw new UserError('sync_repo_empty', 'Headquarters has not published a list in this repository yet.');
    const dl = { idleTimeoutMs: opts.idleTimeoutMs };
    const indexFile = await downloadVerifiedTarget(targetUrl(base, indexInfo), indexInfo, dlDir, dl);
    const parsed = repoIndexSchema.safeParse(JSON.parse(readFileSync(indexFile, 'utf8')));
    if (!parsed.success) throw new UserError('sync_bad_bundle', 'The signed list index has an unknown layout; this workstation may need a software update.');
    const index = parsed.data;

    const inUse = store.listVersion();
    const from = inUse.version;
    if (from !== null && from > index.listVersion) {
      throw new UserError('sync_rollback', `The repository offers list version ${index.listVersion}, older than version ${from} in use: refused.`);
    }
    if (from === index.listVersion) {
      cleanDownloads(dlDir, new Set());
      saveSyncState(dataDir, { checkedAt: new Date().toISOString(), attemptedAt, lastError: null, lastErrorCode: null, listVersion: from, publishedAt: inUse.publishedAt });
      progress('done', `list version ${from} is current`);
      return { updated: false, fromVersion: from, listVersion: from, entryCount: index.entryCount, publishedAt: index.publishedAt, via: 'none', bundles: 0, downloadedBytes: 0, deltaRefused: null };
    }

    // The delta chain when it is complete and smaller than the snapshot, else the snapshot.
    const chain = from === null ? null : planDeltaChain(index, from);
    const chainBytes = chain ? chain.reduce((n, d) => n + d.length, 0) : Infinity;
    let useDeltas = chain !== null && chain.length > 0 && chainBytes < index.snapshot.length;
    let downloaded = 0;
    let bundles = 0;
    let deltaRefused: string | null = null;

    /** Signed target info for each bundle, downloaded and verified; returns local paths. */
    const fetchBundles = async (refs: { path: string }[]): Promise<string[]> => {
      const infos: TargetFile[] = [];
      for (const ref of refs) {
        const info = await updater.getTargetInfo(ref.path);
        if (!info) throw new UserError('sync_bad_bundle', `The signed index names ${ref.path}, but the signed targets do not: refused.`);
        infos.push(info);
      }
      checkDiskSpace(dlDir, infos.reduce((n, i) => n + i.length, 0));
      const files: string[] = [];
      for (const info of infos) {
        progress('download', `${info.path} (${info.length} bytes)`);
        files.push(await downloadVerifiedTarget(targetUrl(base, info), info, dlDir, dl));
        downloaded += info.length;
        bundles++;
      }
      return files;
    };

    const applySnapshot = async () => {
      const [file] = await fetchBundles([index.snapshot]);
      progress('verify', 'checking the snapshot header against the signed index');
      checkHeader(file!, { kind: 'snapshot', listVersion: index.listVersion, entryCount: index.entryCount }, 'snapshot');
      progress('apply', `applying list version ${index.listVersion} (full snapshot, ${index.entryCount} entries)`);
      return applyBundle(store, file!, { expectedVersion: index.listVersion, expectedCount: index.entryCount });
    };

    let applied: { listVersion: number; entryCount: number };
    if (useDeltas) {
      const files = await fetchBundles(chain!);
      progress('verify', 'checking delta headers against the signed index');
      chain!.forEach((d, i) => checkHeader(files[i]!, { kind: 'delta', baseVersion: d.baseVersion, listVersion: d.listVersion, entryCount: d.entryCount }, `delta ${d.baseVersion}→${d.listVersion}`));
      const applyFile =
        files.length === 1
          ? files[0]!
          : await composeDeltas(files, { ...readBundleHeader(files[files.length - 1]!), baseVersion: from }, join(dlDir, `combined-${from}-${index.listVersion}.bundle`), store);
      progress('apply', `applying list version ${index.listVersion} (${chain!.length} delta(s) from version ${from})`);
      try {
        applied = await applyBundle(store, applyFile, { expectedVersion: index.listVersion, expectedCount: index.entryCount });
      } catch (e) {
        // The signed deltas do not fit the local list (it was changed by hand since): the snapshot always does.
        if (!(e instanceof UserError) || !/mismatch|invalid/.test(e.code)) throw e;
        deltaRefused = e.message;
        progress('verify', `the deltas do not fit the local list (${e.code}); fetching the full snapshot`);
        useDeltas = false;
        applied = await applySnapshot();
      }
    } else {
      applied = await applySnapshot();
    }
    if (applied.listVersion !== index.listVersion || applied.entryCount !== index.entryCount) {
      throw new UserError('sync_count_mismatch', `After applying, the store reports version ${applied.listVersion} with ${applied.entryCount} entries; the signed index says version ${index.listVersion} with ${index.entryCount}.`);
    }
    cleanDownloads(dlDir, new Set());
    saveSyncState(dataDir, { checkedAt: new Date().toISOString(), attemptedAt, lastError: null, lastErrorCode: null, listVersion: index.listVersion, publishedAt: index.publishedAt });
    progress('done', `list version ${index.listVersion} in use (${index.entryCount} entries)`);
    return {
      updated: true,
      fromVersion: from,
      listVersion: index.listVersion,
      entryCount: index.entryCount,
      publishedAt: index.publishedAt,
      via: useDeltas ? 'delta' : 'snapshot',
      bundles,
      downloadedBytes: downloaded,
      deltaRefused,
    };
  } catch (e) {
    const failure = classifyPullError(e);
    let inUse = 'No list is in use yet.';
    try {
      const v = store.listVersion().version;
      if (v !== null) inUse = `List version ${v} stays in use.`;
    } catch {
      /* the store itself is the problem; the message below still says what happened */
    }
    const message = `${failure.message} ${inUse}`;
    try {
      saveSyncState(dataDir, { attemptedAt, lastError: message, lastErrorCode: failure.code });
    } catch {
      /* the data folder is not writable; the error still reaches the caller */
    }
    throw new UserError(failure.code, message);
  } finally {
    release();
  }
}
