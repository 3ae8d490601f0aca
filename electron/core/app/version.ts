import { readFileSync } from 'node:fs';

/** The workstation's version: set by Electron main in the packaged app, else read from package.json. */
export function packageVersion(): string {
  if (process.env.CHECKPOINT_APP_VERSION) return process.env.CHECKPOINT_APP_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
