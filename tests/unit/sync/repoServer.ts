/**
 * A static file server on 127.0.0.1 for a sync repository folder, supporting Range requests like a real
 * HTTPS host or CDN, with a hook to misbehave (cut connections, alter bytes, replay old files).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  path: string;
  range: string | undefined;
  status: number;
  bytes: number;
}

/** Return true when the hook answered the request itself. */
export type Intercept = (path: string, req: IncomingMessage, res: ServerResponse, file: string | null) => boolean;

export interface RepoServer {
  url: string;
  requests: ServedRequest[];
  intercept: Intercept | null;
  /** Root folder served; can be switched to serve another repository. */
  root: string;
  close(): Promise<void>;
}

export function serveFile(req: IncomingMessage, res: ServerResponse, file: string, log: ServedRequest[], path: string, body?: Buffer): void {
  const data = body ?? readFileSync(file);
  const range = req.headers.range;
  const m = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (m) {
    const start = Number(m[1]);
    const end = m[2] ? Math.min(Number(m[2]), data.length - 1) : data.length - 1;
    if (start >= data.length) {
      res.writeHead(416, { 'content-range': `bytes */${data.length}` });
      res.end();
      log.push({ path, range, status: 416, bytes: 0 });
      return;
    }
    const part = data.subarray(start, end + 1);
    res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${data.length}`, 'content-length': part.length, 'accept-ranges': 'bytes' });
    res.end(part);
    log.push({ path, range, status: 206, bytes: part.length });
    return;
  }
  res.writeHead(200, { 'content-length': data.length, 'accept-ranges': 'bytes' });
  res.end(data);
  log.push({ path, range, status: 200, bytes: data.length });
}

export async function startRepoServer(root: string): Promise<RepoServer> {
  const state: RepoServer = { url: '', requests: [], intercept: null, root, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(state.root, rel);
    const exists = existsSync(file) && statSync(file).isFile();
    if (state.intercept?.(path, req, res, exists ? file : null)) return;
    if (!exists) {
      res.writeHead(404);
      res.end();
      state.requests.push({ path, range: req.headers.range, status: 404, bytes: 0 });
      return;
    }
    serveFile(req, res, file, state.requests, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
