/**
 * The browser harness (`npm run web`): serves the built renderer and the IPC contract over a WebSocket on
 * 127.0.0.1, protected by a per-launch token, running the real core in Node. Development and end-to-end
 * tests only; it is not packaged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENTS } from '../../contract';
import { watchSession } from '../../core/app/sessionWatch';
import { createCoreServices, type CoreServices } from '../../core/app/services';
import { resolveDataDir } from '../../core/app/dataDir';
import type { CallerContext } from '../../core/app/dispatch';
import { APP_ORIGIN, contentSecurityPolicy } from '../../main/security';
import { mimeType, resolveAppFile } from '../../main/protocol';

const projectRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const DEFAULT_RENDERER_DIR = join(projectRoot, 'dist', 'renderer');

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** Attach the simulated reader (default true: the harness is for development and tests). */
  simulator?: boolean;
  startSync?: boolean;
  /** Injected in tests to share services with the test; otherwise created from dataDir. */
  services?: CoreServices;
}

export interface Harness {
  url: string;
  token: string;
  port: number;
  services: CoreServices;
  close(): Promise<void>;
}

async function bundleBridge(): Promise<string> {
  const out = await build({
    entryPoints: [join(projectRoot, 'electron/cli/harness/bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
  });
  return out.outputFiles[0]!.text;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html missing). Run \`npm run build:renderer\` first.`);
  }
  const token = randomBytes(24).toString('base64url');
  const services = opts.services ?? (await createCoreServices({ dataDir: opts.dataDir, simulator: opts.simulator ?? true, openReaders: true, startSync: opts.startSync ?? false }));
  const bridgeJs = await bundleBridge();
  let port = 0;

  const server = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = {
      'content-security-policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`]),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (url.pathname === '/__harness/bridge.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(bridgeJs);
      return;
    }
    if (url.pathname.startsWith('/__harness/')) {
      res.writeHead(404, headers).end();
      return;
    }
    // Same mapping as Electron's app:// handler: no escaping the folder, malformed escapes refused.
    const file = resolveAppFile(rendererDir, `${APP_ORIGIN}${url.pathname}`);
    if (!file) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      if (file.endsWith('index.html')) {
        // The bridge must define window.checkpoint before the app's module script runs.
        body = body.toString('utf8').replace('<head>', '<head><script src="/__harness/bridge.js"></script>');
      }
      res.writeHead(200, { ...headers, 'content-type': mimeType(file) }).end(body);
    } catch {
      res.writeHead(404, headers).end('Not found');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const originOk = req.headers.origin === `http://127.0.0.1:${port}` || req.headers.origin === `http://localhost:${port}`;
    if (url.pathname !== '/__harness/ipc' || !originOk) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!sameToken(url.searchParams.get('token'), token)) {
        ws.close(4401, 'bad token');
        return;
      }
      attach(ws);
    });
  });

  function attach(ws: WebSocket) {
    const caller: CallerContext = { sessionId: null };
    const send = (event: string, payload: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    };
    const unsubscribe = EVENTS.filter((e) => e !== 'session.changed').map((event) =>
      services.events.on(event, (payload) => {
        if (services.mayReceive(event, caller)) send(event, payload);
      }),
    );
    unsubscribe.push(watchSession(services, caller, (s) => send('session.changed', s)));
    ws.on('message', async (data) => {
      let msg: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      if (typeof msg.id !== 'number') return;
      const result = await services.dispatch(msg.channel, msg.payload, caller);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id, result }));
    });
    ws.on('close', () => {
      unsubscribe.forEach((u) => u());
      // A closed page is a signed-out page: no session outlives its window.
      if (caller.sessionId) services.auth.logout(caller.sessionId);
    });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    url,
    token,
    port,
    services,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.services) await services.close();
    },
  };
}

// `npm run web` / `tsx electron/cli/harness/server.ts [--port N] [--data-dir DIR]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(flag('port') ?? process.env.CHECKPOINT_WEB_PORT ?? 5780);
  startHarness({ dataDir: resolveDataDir(flag('data-dir')), port, startSync: true })
    .then((h) => {
      console.log(`Checkpoint browser harness (development only) running the real core.`);
      console.log(`Open: ${h.url}`);
      const stop = () => void h.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e: Error) => {
      console.error(`checkpoint web: ${e.message}`);
      process.exit(1);
    });
}
