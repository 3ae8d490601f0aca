import type { CliCommand } from '../context';

/**
 * Subcommands by name, loaded lazily so `checkpoint --help` and `doctor` start fast and a broken
 * native module only affects the commands that use it.
 */
export const commands: Record<string, () => Promise<CliCommand>> = {
  doctor: () => import('./doctor'),
  mrz: () => import('./mrz'),
  ocr: () => import('./ocr'),
  users: () => import('./users'),
  log: () => import('./log'),
  export: () => import('./export'),
  demo: () => import('./demo'),
  sync: () => import('./sync'),
  scanners: () => import('./scanners'),
  watchlist: () => import('./watchlist'),
};
