import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { encodeFrame } from '../../../electron/core/scanners';
import { PtyPair } from './ptyPair';
import { TD1, TD3, TD3_BAD_CHECK, waitFor } from './helpers';

function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b) => (out += b));
  stderr.on('data', (b) => (err += b));
  const done = runCli(args, { stdout, stderr, stdin: new PassThrough(), env: {} });
  return { done, out: () => out, err: () => err };
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('checkpoint scanners', () => {
  it('listen --json over a serial port: one line per document, one per error, exits after --count', async () => {
    const pty = new PtyPair();
    await pty.start();
    cleanup.push(() => pty.dispose());
    const run = cli(['scanners', 'listen', '--driver', 'serial', '--port', pty.driverSide, '--framing', 'rte', '--count', '2', '--json', '--data-dir', pty.dir]);
    await waitFor('connected', () => run.err().includes('[connected]'));
    const bad = Buffer.from(encodeFrame('rte', TD1));
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    await pty.write(Buffer.concat([encodeFrame('rte', TD3), bad, encodeFrame('rte', TD3_BAD_CHECK)]));
    expect(await run.done).toBe(0);
    const lines = run.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ lines: TD3, mrz: expect.objectContaining({ format: 'TD3', valid: true, documentNumber: 'L898902C3' }) });
    expect(lines[1]).toEqual({ error: expect.stringMatching(/wrong block check/) });
    expect(lines[2].mrz.valid).toBe(false);
  });

  it('listen --json reports every error, even several of one kind back to back (no flood control)', async () => {
    const pty = new PtyPair();
    await pty.start();
    cleanup.push(() => pty.dispose());
    const run = cli(['scanners', 'listen', '--driver', 'serial', '--port', pty.driverSide, '--framing', 'rte', '--count', '1', '--json', '--data-dir', pty.dir]);
    await waitFor('connected', () => run.err().includes('[connected]'));
    const bad = (zone: string[]) => {
      const b = Buffer.from(encodeFrame('rte', zone));
      b[b.length - 1] = b[b.length - 1]! ^ 0xff;
      return b;
    };
    await pty.write(Buffer.concat([bad(TD1), bad(TD3), bad(TD1), encodeFrame('rte', TD3)]));
    expect(await run.done).toBe(0);
    const lines = run.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => ('error' in l ? 'error' : 'document'))).toEqual(['error', 'error', 'error', 'document']);
  });

  it('listen --driver folder: one error line per file that cannot be read, whatever the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-cli-hot-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = cli(['scanners', 'listen', '--driver', 'folder', '--dir', dir, '--count', '1', '--json', '--data-dir', dir]);
    await waitFor('watching', () => run.err().includes('[connected]'));
    writeFileSync(join(dir, 'c.txt'), 'hello\n');
    writeFileSync(join(dir, 'd.dat'), 'xx');
    writeFileSync(join(dir, 'e.txt'), 'hello again\n');
    await waitFor('three errors', () => run.out().trim().split('\n').filter(Boolean).length >= 3, 5000);
    writeFileSync(join(dir, 'z.txt'), TD1.join('\n'));
    expect(await run.done).toBe(0);
    const lines = run.out().trim().split('\n').map((l) => JSON.parse(l));
    const errors = lines.filter((l) => 'error' in l).map((l) => l.error as string);
    expect(errors).toHaveLength(3);
    expect(errors.some((e) => /Not an image or a text file \(d\.dat\)/.test(e))).toBe(true);
    expect(lines.at(-1).lines).toEqual(TD1);
  });

  it('listen --driver folder reads a dropped zone file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-cli-hot-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = cli(['scanners', 'listen', '--driver', 'folder', '--dir', dir, '--count', '1', '--json', '--data-dir', dir]);
    await waitFor('watching', () => run.err().includes('[connected]'));
    writeFileSync(join(dir, 'a.txt'), TD1.join('\n'));
    expect(await run.done).toBe(0);
    expect(JSON.parse(run.out()).lines).toEqual(TD1);
  });

  it('explains bad flags and exits non-zero', async () => {
    const a = cli(['scanners', 'listen', '--driver', 'hid', '--device', 'zebra']);
    expect(await a.done).toBe(2);
    expect(a.err()).toMatch(/--device must be VID:PID/);
    const b = cli(['scanners', 'listen', '--driver', 'serial']);
    expect(await b.done).toBe(2);
    expect(b.err()).toMatch(/--port is required/);
    const c = cli(['scanners', 'listen', '--driver', 'serial', '--port', '/dev/x', '--framing', 'morse']);
    expect(await c.done).toBe(2);
    expect(c.err()).toMatch(/--framing must be/);
  });

  it('list --json prints one object per device', async () => {
    const run = cli(['scanners', 'list', '--json']);
    expect(await run.done).toBe(0);
    for (const line of run.out().trim().split('\n').filter(Boolean)) {
      const o = JSON.parse(line);
      expect(['serial', 'hid']).toContain(o.kind);
      if (o.kind === 'serial') expect(typeof o.path).toBe('string');
    }
  });
});
