import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/core/app/dataDir';

describe('data folder resolution', () => {
  it('prefers --data-dir, then CHECKPOINT_DATA_DIR, then the per-OS folder', () => {
    expect(resolveDataDir('/srv/a', { CHECKPOINT_DATA_DIR: '/srv/b' })).toBe('/srv/a');
    expect(resolveDataDir(undefined, { CHECKPOINT_DATA_DIR: '/srv/b' })).toBe('/srv/b');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/home/x/.cfg' })).toBe(defaultDataDir({ XDG_CONFIG_HOME: '/home/x/.cfg' }));
  });
  it('uses the platform conventions Electron uses for userData', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/h/.config' }, 'linux')).toBe('/h/.config/checkpoint-workstation');
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toMatch(/AppData[\\/]Roaming[\\/]checkpoint-workstation$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/checkpoint-workstation$/);
  });
});
