import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/windowOptions';

describe('main window options (Electron security checklist)', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
  });

  it('loads the preload it is given and hides devtools unless asked', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(prefs.devTools).toBe(process.env.CHECKPOINT_DEVTOOLS === '1');
  });
});
