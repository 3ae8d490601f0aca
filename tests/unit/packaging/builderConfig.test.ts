import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));

describe('electron-builder configuration', () => {
  it('builds deb and AppImage for Linux and a per-machine NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.win.target.map((t: { target: string }) => t.target)).toContain('nsis');
    expect(config.nsis.perMachine).toBe(true);
  });

  it('unpacks every native module from the asar', () => {
    for (const mod of ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid']) {
      expect(config.asarUnpack.some((p: string) => p.includes(`node_modules/${mod}/`))).toBe(true);
    }
  });

  it('does not rebuild natives at package time (better-sqlite3 is rebuilt for Electron as a release step)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages the bundled main process that package.json points at, and the OCR model', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
    expect(config.extraResources.some((r: { from: string }) => r.from === 'resources/ocr')).toBe(true);
  });
});
