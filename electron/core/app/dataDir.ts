import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Folder name under the per-OS application data folder; matches Electron's `app.getPath('userData')`. */
export const APP_FOLDER = 'checkpoint-workstation';

/** Per-OS application data folder, the way Electron resolves `userData`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}

/** `--data-dir` wins, then `CHECKPOINT_DATA_DIR`, then the per-OS default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.CHECKPOINT_DATA_DIR) return resolve(env.CHECKPOINT_DATA_DIR);
  return defaultDataDir(env);
}

export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
