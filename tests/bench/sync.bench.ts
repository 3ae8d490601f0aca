/**
 * Sync figures on a 1,000,000-entry synthetic list (generated in a temp folder, never kept):
 * - the workstation's first pull of the full snapshot over loopback HTTP (download, verify, apply);
 * - a 10,000-change delta (4,000 changed, 3,000 removed, 3,000 added) pulled on top of it;
 * - bytes per changed entry in the delta, and what publishing costs headquarters.
 * SYNC_BENCH_ENTRIES / SYNC_BENCH_CHANGES change the sizes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepositoryKeys, publishWatchlist, pullWatchlist, type PullProgress } from '../../electron/core/sync';
import { openWatchlist, type WatchlistEntry } from '../../electron/core/watchlist';
import { syntheticEntries } from '../../electron/core/watchlist/generator';
import { startRepoServer } from '../unit/sync/repoServer';
import type { BenchReporter } from './reporter';

const N = Number(process.env.SYNC_BENCH_ENTRIES ?? 1_000_000);
const CHANGES = Number(process.env.SYNC_BENCH_CHANGES ?? 10_000);

/**
 * Times each pull stage from the progress events, in wall-clock seconds and in CPU seconds of this
 * process (on a shared, loaded machine the CPU time is the steadier figure).
 */
function stageClock() {
  const at: Partial<Record<PullProgress['stage'], { wall: number; cpu: number }>> = {};
  const now = () => {
    const c = process.cpuUsage();
    return { wall: performance.now(), cpu: (c.user + c.system) / 1000 };
  };
  const t0 = now();
  return {
    onProgress: (p: PullProgress) => {
      at[p.stage] ??= now();
    },
    seconds: () => {
      const end = now();
      const span = (a: { wall: number; cpu: number } | undefined, b: { wall: number; cpu: number } | undefined) => {
        const x = a ?? end;
        const y = b ?? end;
        return { wall: (y.wall - x.wall) / 1000, cpu: (y.cpu - x.cpu) / 1000 };
      };
      return {
        total: span(t0, end),
        metadata: span(t0, at.download),
        download: span(at.download ?? t0, at.verify),
        apply: span(at.apply, at.done),
      };
    },
  };
}

const fig = (report: BenchReporter, label: string, t: { wall: number; cpu: number }) => {
  report.figure(label, t.wall, 's');
  report.figure(`${label} [cpu]`, t.cpu, 's');
};

export default async function (report: BenchReporter): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  const keysDir = join(root, 'keys');
  const repoDir = join(root, 'repo');
  const dataDir = join(root, 'data');
  try {
    const { rootFile } = generateRepositoryKeys(keysDir);
    let t = performance.now();
    const v1: WatchlistEntry[] = [...syntheticEntries(N, 1)];
    report.figure(`generate ${N} synthetic entries`, (performance.now() - t) / 1000, 's');

    t = performance.now();
    const p1 = await publishWatchlist({ repoDir, keysDir, entries: v1 });
    report.figure(`publish version 1 (${N} entries, snapshot only)`, (performance.now() - t) / 1000, 's');
    report.figure('snapshot size', p1.snapshotBytes / 2 ** 20, 'MB');
    report.figure('snapshot bytes per entry', p1.snapshotBytes / N, 'bytes');

    const srv = await startRepoServer(repoDir);
    const store = openWatchlist(dataDir);
    try {
      let clock = stageClock();
      const r1 = await pullWatchlist({ dataDir, store, url: srv.url, rootFile, onProgress: clock.onProgress });
      let s = clock.seconds();
      if (r1.listVersion !== 1 || r1.entryCount !== N) throw new Error(`snapshot pull ended at version ${r1.listVersion} with ${r1.entryCount} entries`);
      fig(report, `full snapshot pull, ${N} entries: total (target <= 90 s)`, s.total);
      fig(report, '  of which download + hash check', s.download);
      fig(report, '  of which apply (one transaction)', s.apply);
      report.figure('watchlist.db after snapshot', statSync(join(dataDir, 'watchlist.db')).size / 2 ** 20, 'MB');
      report.memory('after snapshot pull');

      // Version 2: CHANGES changes spread over the list.
      const changed = Math.round(CHANGES * 0.4);
      const removed = Math.round(CHANGES * 0.3);
      const added = CHANGES - changed - removed;
      const step = Math.floor(N / (changed + removed));
      const v2: WatchlistEntry[] = [];
      for (let i = 0; i < v1.length; i++) {
        const e = v1[i]!;
        const slot = i % step === 0 ? i / step : -1;
        if (slot >= 0 && slot < changed) v2.push({ ...e, reason: `${e.reason} (updated)` });
        else if (slot >= changed && slot < changed + removed) continue;
        else v2.push(e);
      }
      let k = 0;
      for (const e of syntheticEntries(added, 99)) v2.push({ ...e, id: `syn-new:${k++}` });
      v1.length = 0;

      t = performance.now();
      const p2 = await publishWatchlist({ repoDir, keysDir, entries: v2 });
      report.figure(`publish version 2 (${p2.added} added, ${p2.changed} changed, ${p2.removed} removed)`, (performance.now() - t) / 1000, 's');
      const changes = p2.added + p2.changed + p2.removed;
      report.figure('delta size', p2.deltaBytes! / 1024, 'KB');
      report.figure('delta bytes per changed entry', p2.deltaBytes! / changes, 'bytes');
      v2.length = 0;

      clock = stageClock();
      const r2 = await pullWatchlist({ dataDir, store, url: srv.url, onProgress: clock.onProgress });
      s = clock.seconds();
      if (r2.via !== 'delta' || r2.listVersion !== 2) throw new Error(`delta pull went via ${r2.via} to version ${r2.listVersion} (${r2.deltaRefused ?? 'delta chain not used'})`);
      fig(report, `${changes}-change delta pull on ${N} entries: total (target <= 5 s)`, s.total);
      fig(report, '  of which metadata refresh', s.metadata);
      fig(report, '  of which download + hash check', s.download);
      fig(report, '  of which apply (one transaction)', s.apply);
      report.memory('after delta pull');
    } finally {
      store.close();
      await srv.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
