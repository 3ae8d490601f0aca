import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { tempDir } from './fixtures';

const child = fileURLToPath(new URL('./crashChild.ts', import.meta.url));
let cleanup = () => {};
afterEach(() => cleanup());

describe('kill -9 while recording', () => {
  it('keeps every acknowledged inspection and an intact chain', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const acked: string[] = [];
    const proc = spawn(process.execPath, ['--import', 'tsx', child, t.dir, '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const killAfter = 300 + Math.floor(Math.random() * 400);
    let pending = '';
    let finished = false;
    await new Promise<void>((resolve) => {
      proc.stdout.on('data', (b: Buffer) => {
        pending += b.toString();
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const l of lines) {
          if (l.startsWith('ack ')) acked.push(l.slice(4));
          if (l === 'done') finished = true;
        }
        if (acked.length >= killAfter && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
      });
      proc.on('exit', () => resolve());
    });
    expect(finished).toBe(false); // it really died mid-stream
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);

    const log = openInspectionLog(t.dir);
    try {
      const v = log.verifyChain();
      expect(v.ok, JSON.stringify(v.firstBroken)).toBe(true);
      const present = new Set(log.queryShift({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }).map((r) => r.id));
      const lost = acked.filter((id) => !present.has(id));
      expect(lost).toEqual([]);
      // At most the one in flight when killed was written but not acknowledged.
      expect(present.size - acked.length).toBeLessThanOrEqual(1);
      expect(v.checked).toBe(present.size);
    } finally {
      log.close();
    }
  }, 60_000);
});
