import { readFileSync } from 'node:fs';

/** The workstation's version, from package.json (shown in doctor, the CLI and the screen). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
