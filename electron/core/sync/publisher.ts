/**
 * Headquarters side: turn an imported list into a new signed list version in a static repository folder.
 *
 * The repository holds only what the HTTPS server must serve (`metadata/`, `targets/`). What the next
 * delta needs (the previous version's entries) is the previous snapshot bundle, which is in the
 * repository anyway; the signing keys stay in the keys folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetaFile, MetadataKind, Root, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';
import { UserError } from '../app/errors';
import type { BundleHeader, WatchlistEntry } from '../watchlist';
import { writeFileAtomic } from '../app/atomicFile';
import { BundleWriter, canonicalJson, delLine, entryJsonOfPutLine, putLine, readBundleHeader, readBundleOps } from './bundleFile';
import { acquireLock } from './fileLock';
import {
  deltaTargetPath,
  hashedTargetPath,
  INDEX_TARGET,
  METADATA_DIR,
  repoIndexSchema,
  snapshotTargetPath,
  TARGETS_DIR,
  type DeltaRef,
  type RepoIndex,
} from './repoLayout';
import { generateRoleKey, keyFileName, loadRoleKey, signerFor, TUF_ROLES, type RoleKey, type TufRole } from './signingKeys';

/** How long each role's signature is valid. The timestamp is short so a frozen mirror is noticed within a day. */
export interface ExpiryPolicy {
  rootDays: number;
  targetsDays: number;
  snapshotDays: number;
  timestampHours: number;
}

export const DEFAULT_EXPIRY: ExpiryPolicy = { rootDays: 365, targetsDays: 30, snapshotDays: 7, timestampHours: 24 };
/** Deltas kept on offer: a workstation offline longer than this many versions downloads the snapshot. */
export const DEFAULT_KEEP_DELTAS = 60;

const SPEC_VERSION = '1.0.31';
export const ROOT_FILE = 'root.json';

/** TUF wants expiry as `YYYY-MM-DDTHH:MM:SSZ`. */
function tufTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const addHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function metadataBytes(md: Metadata<Root | Targets | Snapshot | Timestamp>): Buffer {
  return Buffer.from(JSON.stringify(md.toJSON(), null, 1) + '\n', 'utf8');
}

// ---------------------------------------------------------------------------------------------- keygen

export interface KeygenResult {
  keysDir: string;
  rootFile: string;
  keyIds: Record<TufRole, string>;
}

/**
 * New keys for the four roles and the version-1 root metadata that workstations are installed with.
 * Refuses to overwrite existing keys: losing the root key means reinstalling every workstation.
 */
export function generateRepositoryKeys(outDir: string, opts: { now?: Date; expiry?: Partial<ExpiryPolicy> } = {}): KeygenResult {
  const now = opts.now ?? new Date();
  const expiry = { ...DEFAULT_EXPIRY, ...opts.expiry };
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (const role of TUF_ROLES) {
    if (existsSync(join(outDir, keyFileName(role)))) {
      throw new UserError('sync_keys_exist', `${join(outDir, keyFileName(role))} already exists. Keygen never overwrites keys; choose an empty --out folder.`);
    }
  }
  const keys = Object.fromEntries(TUF_ROLES.map((r) => [r, generateRoleKey(r)])) as Record<TufRole, ReturnType<typeof generateRoleKey>>;
  const root = new Root({ version: 1, specVersion: SPEC_VERSION, expires: tufTime(addHours(now, expiry.rootDays * 24)), consistentSnapshot: true });
  for (const role of TUF_ROLES) root.addKey(keys[role].key.tufKey, role);
  const md = new Metadata(root);
  md.sign(signerFor(keys.root.key));
  for (const role of TUF_ROLES) writeFileSync(join(outDir, keyFileName(role)), keys[role].pem, { mode: 0o600, flag: 'wx' });
  const rootFile = join(outDir, ROOT_FILE);
  writeFileAtomic(rootFile, metadataBytes(md));
  return { keysDir: outDir, rootFile, keyIds: Object.fromEntries(TUF_ROLES.map((r) => [r, keys[r].key.tufKey.keyID])) as Record<TufRole, string> };
}

// ------------------------------------------------------------------------------------- repository state

interface RepoState {
  repoDir: string;
  root: Metadata<Root>;
  targets: Metadata<Targets> | null;
  snapshot: Metadata<Snapshot> | null;
  timestamp: Metadata<Timestamp> | null;
  index: RepoIndex | null;
}

function readJson(path: string): Record<string, any> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  } catch {
    throw new UserError('sync_repo_damaged', `${path} is missing or not valid JSON. The repository folder is damaged; restore it from backup.`);
  }
}

/** The newest `N.root.json` in the repository. */
function latestRootVersion(metaDir: string): number {
  let v = 0;
  for (const f of readdirSync(metaDir)) {
    const m = /^(\d+)\.root\.json$/.exec(f);
    if (m) v = Math.max(v, Number(m[1]));
  }
  return v;
}

function loadRepoState(repoDir: string, keysDir: string): RepoState {
  const metaDir = join(repoDir, METADATA_DIR);
  mkdirSync(metaDir, { recursive: true });
  mkdirSync(join(repoDir, TARGETS_DIR, 'watchlist'), { recursive: true });
  if (latestRootVersion(metaDir) === 0) {
    // First publish: the repository starts from the root the workstations were installed with.
    const installed = join(keysDir, ROOT_FILE);
    if (!existsSync(installed)) throw new UserError('sync_key_missing', `${installed} is missing. Run \`checkpoint sync keygen --out ${keysDir}\` first.`);
    const v = (readJson(installed).signed as { version?: number })?.version ?? 1;
    copyFileSync(installed, join(metaDir, `${v}.root.json`));
    copyFileSync(installed, join(metaDir, ROOT_FILE));
  }
  const rootVersion = latestRootVersion(metaDir);
  const root = Metadata.fromJSON(MetadataKind.Root, readJson(join(metaDir, `${rootVersion}.root.json`)));
  let timestamp: Metadata<Timestamp> | null = null;
  let snapshot: Metadata<Snapshot> | null = null;
  let targets: Metadata<Targets> | null = null;
  let index: RepoIndex | null = null;
  if (existsSync(join(metaDir, 'timestamp.json'))) {
    timestamp = Metadata.fromJSON(MetadataKind.Timestamp, readJson(join(metaDir, 'timestamp.json')));
    snapshot = Metadata.fromJSON(MetadataKind.Snapshot, readJson(join(metaDir, `${timestamp.signed.snapshotMeta.version}.snapshot.json`)));
    const tv = snapshot.signed.meta['targets.json']?.version;
    targets = Metadata.fromJSON(MetadataKind.Targets, readJson(join(metaDir, `${tv}.targets.json`)));
    const info = targets.signed.targets[INDEX_TARGET];
    if (info) {
      const file = join(repoDir, TARGETS_DIR, hashedTargetPath(INDEX_TARGET, info.hashes.sha256!));
      const parsed = repoIndexSchema.safeParse(readJson(file));
      if (!parsed.success) throw new UserError('sync_repo_damaged', `${file} is not a valid watchlist index. The repository folder is damaged; restore it from backup.`);
      index = parsed.data;
    }
  }
  return { repoDir, root, targets, snapshot, timestamp, index };
}

/** Checks that the keys folder holds the keys this repository's root trusts for `role`. */
function checkKeyTrusted(state: RepoState, key: RoleKey): void {
  const role = state.root.signed.roles[key.role];
  if (!role?.keyIDs.includes(key.tufKey.keyID)) {
    throw new UserError('sync_wrong_keys', `The ${key.role} key in the keys folder is not the one this repository's root.json trusts. Use the keys folder created with this repository.`);
  }
}

/**
 * Signing keys loaded on first use, each checked against the repository's root. `refresh` thus needs
 * only the timestamp key on most runs: the other keys can stay offline.
 */
class Signers {
  private readonly cache = new Map<TufRole, RoleKey>();
  constructor(
    private readonly state: RepoState,
    private readonly keysDir: string,
  ) {}

  get(role: TufRole): RoleKey {
    let key = this.cache.get(role);
    if (!key) {
      key = loadRoleKey(this.keysDir, role);
      checkKeyTrusted(this.state, key);
      this.cache.set(role, key);
    }
    return key;
  }
}

// ------------------------------------------------------------------------------------- metadata writing

/**
 * Signs and writes new targets (optional), snapshot and timestamp metadata, in the order that keeps a
 * mirror consistent while it is copied: targets files first, then `N.targets.json`, `N.snapshot.json`,
 * and `timestamp.json` last (the one file clients fetch without a version).
 */
function writeMetadataChain(state: RepoState, signers: Signers, now: Date, expiry: ExpiryPolicy, newTargets: Targets | null): void {
  const metaDir = join(state.repoDir, METADATA_DIR);
  let targetsMeta = state.snapshot?.signed.meta['targets.json'];
  if (newTargets) {
    const md = new Metadata(newTargets);
    md.sign(signerFor(signers.get('targets')));
    const bytes = metadataBytes(md);
    writeFileAtomic(join(metaDir, `${newTargets.version}.targets.json`), bytes);
    targetsMeta = new MetaFile({ version: newTargets.version, length: bytes.length, hashes: { sha256: sha256Hex(bytes) } });
    state.targets = md;
  }
  if (!targetsMeta) throw new UserError('sync_repo_damaged', 'The repository has no targets metadata yet; publish a list first.');
  const snapshot = new Snapshot({
    version: (state.snapshot?.signed.version ?? 0) + 1,
    specVersion: SPEC_VERSION,
    expires: tufTime(addHours(now, expiry.snapshotDays * 24)),
    meta: { 'targets.json': targetsMeta },
  });
  const smd = new Metadata(snapshot);
  smd.sign(signerFor(signers.get('snapshot')));
  const sbytes = metadataBytes(smd);
  writeFileAtomic(join(metaDir, `${snapshot.version}.snapshot.json`), sbytes);
  state.snapshot = smd;
  const timestamp = new Timestamp({
    version: (state.timestamp?.signed.version ?? 0) + 1,
    specVersion: SPEC_VERSION,
    expires: tufTime(addHours(now, expiry.timestampHours)),
    snapshotMeta: new MetaFile({ version: snapshot.version, length: sbytes.length, hashes: { sha256: sha256Hex(sbytes) } }),
  });
  const tmd = new Metadata(timestamp);
  tmd.sign(signerFor(signers.get('timestamp')));
  writeFileAtomic(join(metaDir, 'timestamp.json'), metadataBytes(tmd));
  state.timestamp = tmd;
}

/** A new root version with a fresh expiry, signed by the root key; workstations walk to it by themselves. */
function renewRoot(state: RepoState, signers: Signers, keysDir: string, now: Date, expiry: ExpiryPolicy): void {
  const old = state.root.signed;
  const root = new Root({
    version: old.version + 1,
    specVersion: SPEC_VERSION,
    expires: tufTime(addHours(now, expiry.rootDays * 24)),
    keys: old.keys,
    roles: old.roles,
    consistentSnapshot: true,
  });
  const md = new Metadata(root);
  md.sign(signerFor(signers.get('root')));
  const bytes = metadataBytes(md);
  const metaDir = join(state.repoDir, METADATA_DIR);
  writeFileAtomic(join(metaDir, `${root.version}.root.json`), bytes);
  writeFileAtomic(join(metaDir, ROOT_FILE), bytes);
  writeFileAtomic(join(keysDir, ROOT_FILE), bytes);
  state.root = md;
}

// ----------------------------------------------------------------------------------------------- publish

export interface PublishOptions {
  repoDir: string;
  keysDir: string;
  entries: Iterable<WatchlistEntry> | AsyncIterable<WatchlistEntry>;
  now?: Date;
  expiry?: Partial<ExpiryPolicy>;
  keepDeltas?: number;
}

export interface PublishResult {
  /** False when the imported list equals the current version: nothing new was published. */
  published: boolean;
  listVersion: number;
  entryCount: number;
  added: number;
  changed: number;
  removed: number;
  snapshotBytes: number;
  deltaBytes: number | null;
}

/**
 * The canonical JSON of every entry of the previous snapshot, by id: what the delta is computed
 * against. Kept as text (about 300 MB for a million entries at headquarters): comparing strings is
 * far cheaper than hashing each entry.
 */
async function previousEntries(repoDir: string, targets: Metadata<Targets>, index: RepoIndex): Promise<Map<string, string>> {
  const info = targets.signed.targets[index.snapshot.path];
  if (!info) throw new UserError('sync_repo_damaged', `The current snapshot ${index.snapshot.path} is not listed in the targets metadata. The repository is damaged; restore it from backup.`);
  const file = join(repoDir, TARGETS_DIR, hashedTargetPath(index.snapshot.path, info.hashes.sha256!));
  const header = readBundleHeader(file);
  if (header.listVersion !== index.listVersion) throw new UserError('sync_repo_damaged', `${file} does not hold version ${index.listVersion}. The repository is damaged.`);
  const entries = new Map<string, string>();
  for await (const { op, line } of readBundleOps(file)) {
    if (op.op === 'put') entries.set(op.entry.id, entryJsonOfPutLine(line, op.entry));
  }
  return entries;
}

function targetFileFor(path: string, length: number, sha256: string): TargetFile {
  return new TargetFile({ path, length, hashes: { sha256 } });
}

/** Moves a finished bundle to its content-addressed name inside `targets/`. */
function placeTarget(repoDir: string, tmpPath: string, targetPath: string, length: number, sha256: string): TargetFile {
  renameSync(tmpPath, join(repoDir, TARGETS_DIR, hashedTargetPath(targetPath, sha256)));
  return targetFileFor(targetPath, length, sha256);
}

/**
 * Removes target files that neither the new nor the previous targets metadata lists: a workstation that
 * fetched the previous metadata a moment ago can still download what it names.
 */
function pruneTargets(repoDir: string, current: Targets, previous: Targets | null): void {
  const keep = new Set<string>();
  for (const t of [current, previous]) {
    if (!t) continue;
    for (const info of Object.values(t.targets)) keep.add(hashedTargetPath(info.path, info.hashes.sha256!));
  }
  const dir = join(repoDir, TARGETS_DIR, 'watchlist');
  for (const f of readdirSync(dir)) {
    if (!keep.has(`watchlist/${f}`)) unlinkSync(join(dir, f));
  }
}

/** Old `N.targets.json` / `N.snapshot.json` beyond the last few are never fetched again. */
function pruneMetadata(repoDir: string, keepVersions = 10): void {
  const metaDir = join(repoDir, METADATA_DIR);
  const byRole: Record<string, number[]> = { targets: [], snapshot: [] };
  for (const f of readdirSync(metaDir)) {
    const m = /^(\d+)\.(targets|snapshot)\.json$/.exec(f);
    if (m) byRole[m[2]!]!.push(Number(m[1]));
  }
  for (const [role, versions] of Object.entries(byRole)) {
    versions.sort((a, b) => b - a);
    for (const v of versions.slice(keepVersions)) unlinkSync(join(metaDir, `${v}.${role}.json`));
  }
}

export async function publishWatchlist(opts: PublishOptions): Promise<PublishResult> {
  const now = opts.now ?? new Date();
  const expiry = { ...DEFAULT_EXPIRY, ...opts.expiry };
  const keepDeltas = opts.keepDeltas ?? DEFAULT_KEEP_DELTAS;
  mkdirSync(opts.keysDir, { recursive: true });
  const release = acquireLock(join(opts.keysDir, '.publish.lock'), 'publish');
  try {
    const state = loadRepoState(opts.repoDir, opts.keysDir);
    const rootNeedsRenewal = new Date(state.root.signed.expires).getTime() - now.getTime() < (expiry.rootDays * 24 * 3_600_000) / 4;
    const signers = new Signers(state, opts.keysDir);
    // Fail before writing anything if a key is missing or foreign.
    for (const role of ['targets', 'snapshot', 'timestamp', ...(rootNeedsRenewal ? ['root' as const] : [])] as TufRole[]) signers.get(role);

    // The new list, canonical and sorted by id so the same list always gives the same snapshot bytes.
    const fresh: { id: string; json: string }[] = [];
    const seen = new Set<string>();
    const take = (entry: WatchlistEntry) => {
      if (!entry || typeof entry.id !== 'string' || entry.id === '') throw new UserError('sync_bad_source', `Entry ${fresh.length + 1} of the imported list has no id; nothing was published.`);
      if (seen.has(entry.id)) throw new UserError('sync_bad_source', `The imported list has the id "${entry.id}" twice; ids must be unique. Nothing was published.`);
      seen.add(entry.id);
      fresh.push({ id: entry.id, json: canonicalJson(entry) });
    };
    // A plain array is walked synchronously: a million awaits would cost seconds for nothing.
    if (Symbol.iterator in opts.entries) for (const entry of opts.entries as Iterable<WatchlistEntry>) take(entry);
    else for await (const entry of opts.entries) take(entry);
    seen.clear();
    fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    const prev = state.index;
    const prevEntries = prev && state.targets ? await previousEntries(opts.repoDir, state.targets, prev) : null;
    const puts: { id: string; json: string }[] = [];
    let added = 0;
    let changed = 0;
    if (prevEntries) {
      for (const e of fresh) {
        const before = prevEntries.get(e.id);
        prevEntries.delete(e.id);
        if (before === e.json) continue;
        if (before === undefined) added++;
        else changed++;
        puts.push(e);
      }
    } else {
      added = fresh.length;
    }
    // Whatever is left of the previous entries was removed from the list.
    const removedIds = prevEntries ? [...prevEntries.keys()].sort() : [];
    if (prev && puts.length === 0 && removedIds.length === 0) {
      return { published: false, listVersion: prev.listVersion, entryCount: prev.entryCount, added: 0, changed: 0, removed: 0, snapshotBytes: prev.snapshot.length, deltaBytes: null };
    }

    const listVersion = (prev?.listVersion ?? 0) + 1;
    const publishedAt = now.toISOString();
    const targetsDir = join(opts.repoDir, TARGETS_DIR, 'watchlist');
    const header = (kind: 'snapshot' | 'delta'): BundleHeader => ({
      format: 'checkpoint-watchlist',
      formatVersion: 1,
      kind,
      listVersion,
      baseVersion: kind === 'delta' ? prev!.listVersion : null,
      publishedAt,
      entryCount: fresh.length,
    });

    const sw = new BundleWriter(join(targetsDir, `.snapshot-${listVersion}.writing`), header('snapshot'));
    for (const e of fresh) sw.write(putLine(e.json));
    const s = sw.close();
    const newTargetFiles: Record<string, TargetFile> = {};
    const snapPath = snapshotTargetPath(listVersion);
    newTargetFiles[snapPath] = placeTarget(opts.repoDir, sw.tmpPath, snapPath, s.length, s.sha256);

    let deltas: DeltaRef[] = prev ? [...prev.deltas] : [];
    let deltaBytes: number | null = null;
    if (prev) {
      const dw = new BundleWriter(join(targetsDir, `.delta-${listVersion}.writing`), header('delta'));
      for (const id of removedIds) dw.write(delLine(id));
      for (const e of puts) dw.write(putLine(e.json));
      const d = dw.close();
      const deltaPath = deltaTargetPath(prev.listVersion, listVersion);
      newTargetFiles[deltaPath] = placeTarget(opts.repoDir, dw.tmpPath, deltaPath, d.length, d.sha256);
      deltaBytes = d.length;
      deltas.push({ path: deltaPath, baseVersion: prev.listVersion, listVersion, entryCount: fresh.length, length: d.length, changes: puts.length + removedIds.length });
    }
    deltas = keepDeltas > 0 ? deltas.slice(-keepDeltas) : []; // slice(-0) would keep them all
    for (const d of deltas) {
      const info = newTargetFiles[d.path] ?? state.targets?.signed.targets[d.path];
      if (info) newTargetFiles[d.path] = info;
    }
    deltas = deltas.filter((d) => newTargetFiles[d.path]);

    const index: RepoIndex = {
      format: 'checkpoint-watchlist-index',
      formatVersion: 1,
      listVersion,
      publishedAt,
      entryCount: fresh.length,
      snapshot: { path: snapPath, listVersion, entryCount: fresh.length, length: s.length },
      deltas,
    };
    const indexBytes = Buffer.from(JSON.stringify(index, null, 1) + '\n', 'utf8');
    const indexSha = sha256Hex(indexBytes);
    writeFileAtomic(join(opts.repoDir, TARGETS_DIR, hashedTargetPath(INDEX_TARGET, indexSha)), indexBytes);
    newTargetFiles[INDEX_TARGET] = targetFileFor(INDEX_TARGET, indexBytes.length, indexSha);

    if (rootNeedsRenewal) renewRoot(state, signers, opts.keysDir, now, expiry);
    const previousTargets = state.targets?.signed ?? null;
    const targets = new Targets({
      version: (previousTargets?.version ?? 0) + 1,
      specVersion: SPEC_VERSION,
      expires: tufTime(addHours(now, expiry.targetsDays * 24)),
      targets: newTargetFiles,
    });
    writeMetadataChain(state, signers, now, expiry, targets);
    pruneTargets(opts.repoDir, targets, previousTargets);
    pruneMetadata(opts.repoDir);
    return {
      published: true,
      listVersion,
      entryCount: fresh.length,
      added,
      changed,
      removed: removedIds.length,
      snapshotBytes: s.length,
      deltaBytes,
    };
  } finally {
    release();
  }
}

// ----------------------------------------------------------------------------------------------- refresh

export interface RefreshResult {
  timestampVersion: number;
  timestampExpires: string;
  renewed: string[];
}

/**
 * Re-signs the short-lived metadata so workstations keep accepting the current list: the timestamp
 * always, the snapshot and targets when less than half their lifetime is left, the root when less than
 * a quarter is left. Headquarters runs this on a schedule (e.g. every 6 hours); without it workstations
 * refuse the repository as frozen after `timestampHours`.
 */
export function refreshRepository(opts: { repoDir: string; keysDir: string; now?: Date; expiry?: Partial<ExpiryPolicy> }): RefreshResult {
  const now = opts.now ?? new Date();
  const expiry = { ...DEFAULT_EXPIRY, ...opts.expiry };
  const release = acquireLock(join(opts.keysDir, '.publish.lock'), 'publish');
  try {
    const state = loadRepoState(opts.repoDir, opts.keysDir);
    if (!state.targets || !state.timestamp) throw new UserError('sync_repo_empty', 'Nothing has been published in this repository yet; run `checkpoint sync publish` first.');
    const left = (iso: string) => new Date(iso).getTime() - now.getTime();
    const renewed: string[] = [];
    const rootNeedsRenewal = left(state.root.signed.expires) < (expiry.rootDays * 24 * 3_600_000) / 4;
    const signers = new Signers(state, opts.keysDir);
    if (rootNeedsRenewal) {
      renewRoot(state, signers, opts.keysDir, now, expiry);
      renewed.push('root');
    }
    let targets: Targets | null = null;
    if (left(state.targets.signed.expires) < (expiry.targetsDays * 24 * 3_600_000) / 2) {
      const old = state.targets.signed;
      targets = new Targets({ version: old.version + 1, specVersion: SPEC_VERSION, expires: tufTime(addHours(now, expiry.targetsDays * 24)), targets: old.targets });
      renewed.push('targets');
    }
    // The snapshot is re-signed with every refresh that renews targets, else only when half its life is gone.
    if (targets || left(state.snapshot!.signed.expires) < (expiry.snapshotDays * 24 * 3_600_000) / 2) {
      renewed.push('snapshot');
      writeMetadataChain(state, signers, now, expiry, targets);
    } else {
      const timestamp = new Timestamp({
        version: state.timestamp.signed.version + 1,
        specVersion: SPEC_VERSION,
        expires: tufTime(addHours(now, expiry.timestampHours)),
        snapshotMeta: state.timestamp.signed.snapshotMeta,
      });
      const tmd = new Metadata(timestamp);
      tmd.sign(signerFor(signers.get('timestamp')));
      writeFileAtomic(join(opts.repoDir, METADATA_DIR, 'timestamp.json'), metadataBytes(tmd));
      state.timestamp = tmd;
    }
    renewed.push('timestamp');
    return { timestampVersion: state.timestamp.signed.version, timestampExpires: state.timestamp.signed.expires, renewed };
  } finally {
    release();
  }
}

/** Total bytes of a repository folder: what the static server serves. */
export function repositorySize(repoDir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name));
      else total += statSync(join(d, f.name)).size;
    }
  };
  walk(repoDir);
  return total;
}
