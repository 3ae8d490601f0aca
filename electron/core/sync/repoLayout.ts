/**
 * Where things live in the static repository headquarters serves, shared by the publisher and the
 * workstation. The repository is plain files: `metadata/` (TUF metadata) and `targets/` (bundles and the
 * index, each stored under a `<sha256>.` prefixed name: TUF consistent snapshots, so a mirror can serve
 * old and new files side by side and a file name can never point at other bytes).
 */
import { z } from 'zod';

export const METADATA_DIR = 'metadata';
export const TARGETS_DIR = 'targets';
/** The signed target that tells a workstation which list version is current and which bundles exist. */
export const INDEX_TARGET = 'watchlist/index.json';

const pad = (v: number) => String(v).padStart(6, '0');
export const snapshotTargetPath = (v: number) => `watchlist/snapshot-${pad(v)}.jsonl`;
export const deltaTargetPath = (base: number, v: number) => `watchlist/delta-${pad(base)}-${pad(v)}.jsonl`;

/** File name of a target on disk / on the server: `<dir>/<sha256>.<name>`. */
export function hashedTargetPath(targetPath: string, sha256: string): string {
  const slash = targetPath.lastIndexOf('/');
  return slash < 0 ? `${sha256}.${targetPath}` : `${targetPath.slice(0, slash)}/${sha256}.${targetPath.slice(slash + 1)}`;
}

const bundleRef = z.object({
  path: z.string().min(1),
  listVersion: z.number().int().positive(),
  entryCount: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
});

export const repoIndexSchema = z.object({
  format: z.literal('checkpoint-watchlist-index'),
  formatVersion: z.literal(1),
  listVersion: z.number().int().positive(),
  publishedAt: z.string(),
  entryCount: z.number().int().nonnegative(),
  snapshot: bundleRef,
  /** Deltas still offered, oldest first; each turns baseVersion into listVersion. */
  deltas: z.array(bundleRef.extend({ baseVersion: z.number().int().positive(), changes: z.number().int().nonnegative() })),
});

export type RepoIndex = z.infer<typeof repoIndexSchema>;
export type DeltaRef = RepoIndex['deltas'][number];
