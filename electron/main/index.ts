/**
 * Electron glue: lifecycle, the hardened window, the app:// protocol and IPC registration.
 * Everything it calls lives in the plain-Node core, which is tested without Electron.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCoreServices } from '../core/app/services';
import { resolveDataDir } from '../core/app/dataDir';
import type { CallerContext } from '../core/app/dispatch';
import { watchSession } from '../core/app/sessionWatch';
import { EVENTS } from '../contract';
import { registerAllHandlers } from './ipc';
import { resolveAppFile, mimeType } from './protocol';
import { APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, isAllowedNavigation } from './security';
import { mainWindowOptions } from './windowOptions';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// One instance per workstation: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) app.quit();

const rendererRoot = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');

app.enableSandbox();

app.whenReady().then(async () => {
    // CHECKPOINT_DATA_DIR wins (training rooms, tests); otherwise Electron's per-OS userData folder.
  // The core finds its version and resources (OCR model, udev rules) through these in the packaged app.
  process.env.CHECKPOINT_APP_VERSION = app.getVersion();
  if (app.isPackaged) process.env.CHECKPOINT_RESOURCES_DIR = process.resourcesPath;
  const dataDir = process.env.CHECKPOINT_DATA_DIR ? resolveDataDir() : app.getPath('userData');
  const services = await createCoreServices({ dataDir, openReaders: true, startSync: true, simulator: process.env.CHECKPOINT_SIMULATOR === '1' });
  app.on('before-quit', () => void services.close());
  const callers = new Map<number, CallerContext>();
  const callerFor = (id: number): CallerContext => {
    let c = callers.get(id);
    if (!c) callers.set(id, (c = { sessionId: null }));
    return c;
  };

  // Deny every permission request (camera, notifications, geolocation...): the workstation needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': contentSecurityPolicy(), 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  registerAllHandlers(ipcMain, (webContentsId, channel, payload) => services.dispatch(channel, payload, callerFor(webContentsId)));

  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  // Traveller events only go to a signed-in window whose role may see them (checked in the core).
  const caller = callerFor(win.webContents.id);
  const send = (event: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send('checkpoint:event', { event, payload });
  };
  const stops = EVENTS.filter((e) => e !== 'session.changed').map((event) =>
    services.events.on(event, (payload) => {
      if (services.mayReceive(event, caller)) send(event, payload);
    }),
  );
  stops.push(watchSession(services, caller, (s) => send('session.changed', s)));
  win.on('closed', () => {
    stops.forEach((stop) => stop());
    if (caller.sessionId) services.auth.logout(caller.sessionId);
    callers.delete(win.webContents.id);
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

// Security checklist: no navigation, no new windows, no webviews, for every web contents ever created.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The workstation opens no windows and no external links.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => app.quit());
