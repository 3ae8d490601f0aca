/**
 * Where and how often this workstation fetches the list, stored in the data folder as
 * `sync/config.json` so the app's scheduler and the technician's CLI use the same settings.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../app/errors';
import { writeFileAtomic } from '../app/atomicFile';

export const DEFAULT_STALE_AFTER_HOURS = 48;
export const DEFAULT_INTERVAL_MINUTES = 60;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** TUF protects integrity over any transport; HTTPS also keeps the list private. Plain HTTP only on loopback (tests, a local mirror). */
export const repositoryUrlSchema = z
  .string()
  .trim()
  // (zod runs every refinement even after one fails: the later ones must not throw on a non-URL)
  .refine((s) => URL.canParse(s), { message: 'must be a URL such as https://hq.example/watchlist', abort: true })
  .refine((s) => {
    if (!URL.canParse(s)) return true;
    const u = new URL(s);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
  }, 'must use https:// (plain http:// is only accepted for 127.0.0.1 or localhost)')
  .refine((s) => !URL.canParse(s) || (!new URL(s).search && !new URL(s).hash), 'must not contain ? or #')
  .transform((s) => s.replace(/\/+$/, ''));

export const syncConfigSchema = z.object({
  url: repositoryUrlSchema.nullable().default(null),
  /** The root.json the workstation was installed with; only read until the first successful pull. */
  rootPath: z.string().min(1).nullable().default(null),
  intervalMinutes: z.number().int().min(5).max(24 * 60).default(DEFAULT_INTERVAL_MINUTES),
  staleAfterHours: z.number().positive().max(24 * 365).default(DEFAULT_STALE_AFTER_HOURS),
});

export type SyncConfig = z.infer<typeof syncConfigSchema>;
export type SyncConfigInput = z.input<typeof syncConfigSchema>;

export function syncDir(dataDir: string): string {
  return join(dataDir, 'sync');
}

export function configPath(dataDir: string): string {
  return join(syncDir(dataDir), 'config.json');
}

function explain(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`).join('; ');
}

/** Validates settings; a bad value is a clear error naming the field. */
export function validateSyncConfig(input: unknown): SyncConfig {
  const r = syncConfigSchema.safeParse(input ?? {});
  if (!r.success) throw new UserError('sync_bad_config', `Sync settings are not valid: ${explain(r.error)}.`);
  return r.data;
}

export function loadSyncConfig(dataDir: string): SyncConfig {
  const file = configPath(dataDir);
  if (!existsSync(file)) return validateSyncConfig({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError('sync_bad_config', `${file} is not valid JSON. Fix it or set the sync settings again with \`checkpoint sync config\`.`);
  }
  return validateSyncConfig(raw);
}

/** Merges `changes` into the stored settings, validates the result and saves it atomically. */
export function saveSyncConfig(dataDir: string, changes: Partial<SyncConfigInput>): SyncConfig {
  const current = loadSyncConfig(dataDir);
  const next = validateSyncConfig({ ...current, ...changes });
  mkdirSync(syncDir(dataDir), { recursive: true, mode: 0o700 });
  writeFileAtomic(configPath(dataDir), JSON.stringify(next, null, 2) + '\n', 0o600);
  return next;
}
