import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../../electron/cli/harness/server';

/** Raw GET, so paths reach the server exactly as written (no client-side normalisation). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser harness static files', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-harness-'));
    const rendererDir = join(dir, 'renderer');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    harness = await startHarness({ dataDir: join(dir, 'data'), rendererDir, simulator: false });
  });

  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page with the bridge injected before the app and a strict CSP', async () => {
    const r = await get(harness.port, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<head><script src="/__harness/bridge.js"></script>');
  });

  it.each(['/%E0%A4%A', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/%00.js'])('refuses %s and keeps serving', async (path) => {
    const r = await get(harness.port, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('outside the renderer folder');
    expect((await get(harness.port, '/')).status).toBe(200);
  });
});
