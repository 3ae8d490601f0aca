/**
 * A workstation losing power while it applies a new list: `checkpoint sync pull` runs in a child
 * process that is killed with SIGKILL at random moments of the apply stage. Afterwards the list must be
 * exactly the old version or exactly the new one, never a mix, and the next pull must finish the job.
 */
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullWatchlist } from '../../../electron/core/sync';
import { openWatchlist } from '../../../electron/core/watchlist';
import { canonicalJson } from '../../../electron/core/sync/bundleFile';
import { expectedEntries, makeWorld, type SyncWorld } from './fixtures';
import { startRepoServer, type RepoServer } from './repoServer';

const BASE = 4000;
const CLI = fileURLToPath(new URL('../../../bin/checkpoint.js', import.meta.url));

let w: SyncWorld;
let srv: RepoServer;
let pristine: string;

beforeAll(async () => {
  w = makeWorld();
  srv = await startRepoServer(w.repoDir);
  await w.publish(1, { base: BASE });
  const store = w.openStore();
  await pullWatchlist({ dataDir: w.dataDir, store, url: srv.url, rootFile: w.rootFile });
  store.close();
  pristine = join(w.root, 'data-v1');
  cpSync(w.dataDir, pristine, { recursive: true });
  // Version 2 as a full snapshot: the apply replaces every entry, the largest window for a torn list.
  await w.publish(2, { base: BASE, keepDeltas: 0 });
}, 120_000);

afterAll(async () => {
  await srv?.close();
  w?.cleanup();
});

/** Runs the pull CLI on `dataDir` and kills it with SIGKILL `killAfterApplyMs` after it reports the apply stage. */
function runPull(dataDir: string, killAfterApplyMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'sync', 'pull', '--data-dir', dataDir, '--url', srv.url], { stdio: ['ignore', 'ignore', 'pipe'] });
    let applyAt: number | null = null;
    let killed = false;
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (applyAt === null && /sync: apply:/.test(err)) {
        applyAt = performance.now();
        setTimeout(() => {
          killed = child.exitCode === null && child.kill('SIGKILL');
        }, killAfterApplyMs);
      }
    });
    child.on('exit', (code) => resolve({ killed, code }));
  });
}

function listIn(dataDir: string): { version: number | null; entries: string[] } {
  const s = openWatchlist(dataDir);
  try {
    return { version: s.listVersion().version, entries: [...s.allEntries()].map((e) => canonicalJson(e)).sort() };
  } finally {
    s.close();
  }
}

describe('crash during apply', () => {
  it('kill -9 at random points of the apply leaves the old or the new list, never a mix', async () => {
    const v1 = expectedEntries(1, BASE);
    const v2 = expectedEntries(2, BASE);
    // One undisturbed pull (in this process, same code path) tells how long the apply stage lasts here.
    const calibrate = join(w.root, 'data-calibrate');
    cpSync(pristine, calibrate, { recursive: true });
    let applyAt = 0;
    let applyMs = 0;
    const store = openWatchlist(calibrate);
    try {
      await pullWatchlist({
        dataDir: calibrate,
        store,
        url: srv.url,
        onProgress: (p) => {
          if (p.stage === 'apply') applyAt = performance.now();
          if (p.stage === 'done') applyMs = performance.now() - applyAt;
        },
      });
    } finally {
      store.close();
    }
    expect(listIn(calibrate)).toEqual({ version: 2, entries: v2 });
    // A child process under load is slower than this one; the late kill may land after the commit.
    applyMs = Math.max(20, applyMs * 1.5);

    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = join(w.root, `data-kill-${i}`);
      cpSync(pristine, dir, { recursive: true });
      // Spread the kills over the apply stage (from the "apply" line to the "done" line): early, middle, late.
      const at = [0.05, 0.4 + 0.3 * Math.random(), 0.8 + 0.6 * Math.random()][i]! * applyMs;
      const r = await runPull(dir, at);
      const list = listIn(dir);
      if (list.version === 1) expect(list.entries).toEqual(v1);
      else {
        expect(list.version).toBe(2);
        expect(list.entries).toEqual(v2);
      }
      outcomes.push(`${r.killed ? 'killed' : 'finished'}@${Math.round(at)}ms->v${list.version}`);
      if (i === 0) {
        // The next pull after the crash takes over the stale lock and completes the update.
        const store = openWatchlist(dir);
        try {
          await pullWatchlist({ dataDir: dir, store, url: srv.url });
        } finally {
          store.close();
        }
        expect(listIn(dir)).toEqual({ version: 2, entries: v2 });
      }
    }
    if (process.env.SYNC_TEST_VERBOSE) console.info(`apply ${Math.round(applyMs)} ms; ${outcomes.join(", ")}`);
    // At least one kill must have landed before the commit, or the test proved nothing.
    expect(outcomes.some((o) => o.startsWith('killed') && o.endsWith('v1')), outcomes.join(', ')).toBe(true);
  }, 120_000);
});
