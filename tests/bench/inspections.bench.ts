/**
 * Inspection log figures: recording latency (each commit fsynced), CSV and PDF export of 100,000
 * inspections, chain verification, and shift queries on a 5,000,000-inspection database.
 *
 * The 5M database is generated once with SQL (rows copied from real recorded ones with varied
 * id/time/officer/site; its chain is not valid, it is for query speed only) and kept at
 * $INSPECTIONS_BENCH_DB (default: <tmp>/checkpoint-bench-inspections-5m) so later runs reuse it.
 * INSPECTIONS_BENCH_BIG=0 skips that part, INSPECTIONS_BENCH_SMALL=0 the others. Run by hand:
 * `npm run bench:inspections`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportShiftCsv, exportShiftPdf } from '../../electron/core/export/index';
import { openInspectionLog, type InspectionLog } from '../../electron/core/inspections/index';
import { sampleInspection } from '../unit/inspections/fixtures';
import type { BenchReporter } from './reporter';

const BIG = Number(process.env.INSPECTIONS_BENCH_BIG ?? 5_000_000);
const BIG_DIR = process.env.INSPECTIONS_BENCH_DB ?? join(tmpdir(), 'checkpoint-bench-inspections-5m');
const OFFICERS = 40;
const SITES = ['NORTH', 'SOUTH', 'EAST', 'WEST'];
const DAY = 86_400_000;

/** A busy day: `n` inspections spread over 24 h from 2026-11-28T00:00Z, 12 officers, 2 sites. */
function inspection(i: number, n: number) {
  const t = Date.UTC(2026, 10, 28) + Math.floor((i * DAY) / n);
  const base = sampleInspection(i);
  const readAt = new Date(t - 15_000 - (i % 20) * 1000).toISOString();
  return {
    ...base,
    time: new Date(t).toISOString(),
    officer: `officer.${i % 12}`,
    site: SITES[i % 2]!,
    timings: { readAt, decidedAt: new Date(t).toISOString() },
  };
}

function fill(log: InspectionLog, n: number) {
  const batch = 5_000;
  for (let s = 0; s < n; s += batch) {
    log.writeTransaction('bench fill', () => {
      for (let i = s; i < Math.min(n, s + batch); i++) log.recordInspection(inspection(i, n));
    });
  }
}

/**
 * Wall time and this process's CPU time: on a shared, overloaded machine the CPU figure is the better
 * guide to what an idle workstation would see (it excludes waiting for a core, not for the disk).
 */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}



/** Builds the 5M database with INSERT ... SELECT, copying recorded template rows. */
function buildBig(report: BenchReporter) {
  mkdirSync(BIG_DIR, { recursive: true });
  const log = openInspectionLog(BIG_DIR);
  const have = (log.db.prepare('SELECT COUNT(*) AS n FROM inspections').get() as { n: number }).n;
  const sane = have >= BIG && (log.db.prepare("SELECT typeof(time) AS t FROM inspections WHERE seq = 100").get() as { t: string } | undefined)?.t === 'integer';
  if (sane) {
    report.note(`reusing ${have} inspections in ${BIG_DIR}`);
    return log;
  }
  report.note(`generating ${BIG} inspections in ${BIG_DIR} (once; takes a few minutes)`);
  const t0 = performance.now();
  log.db.exec('DELETE FROM inspections; DELETE FROM audit;');
  for (let i = 0; i < 50; i++) log.recordInspection(inspection(i, 50));
  const year = 365 * DAY;
  const start = Date.UTC(2025, 10, 28);
  const chunk = 250_000;
  // Drop secondary indexes during the bulk load and rebuild once: far faster than maintaining them.
  log.db.exec('DROP INDEX IF EXISTS inspections_officer_time; DROP INDEX IF EXISTS inspections_site_time; DROP INDEX IF EXISTS inspections_time; DROP INDEX IF EXISTS inspections_unpurged_time;');
  log.db.pragma('synchronous = OFF');
  for (let from = 50; from < BIG; from += chunk) {
    const to = Math.min(BIG, from + chunk);
    log.db
      .prepare(
        `WITH RECURSIVE k(n) AS (SELECT CAST(@from AS INTEGER) UNION ALL SELECT n + 1 FROM k WHERE n + 1 < @to)
         INSERT INTO inspections (id, seq, time, workstation, officer, shift_id, site, source, doc_code, issuing_state, nationality,
           zone_valid, zone_errors, expiry_check, watchlist_version, hit_count, possible_count, top_score, decision, reason,
           read_at, decided_at, corrects, correction_reason, personal, personal_salt, personal_digest, content_hash)
         SELECT 'bench-' || k.n, k.n + 1, CAST(@start + (k.n * @span) / @total AS INTEGER), t.workstation, 'officer.' || (k.n % ${OFFICERS}), t.shift_id,
           CASE k.n % 4 WHEN 0 THEN 'NORTH' WHEN 1 THEN 'SOUTH' WHEN 2 THEN 'EAST' ELSE 'WEST' END,
           t.source, t.doc_code, t.issuing_state, t.nationality, t.zone_valid, t.zone_errors, t.expiry_check, t.watchlist_version,
           t.hit_count, t.possible_count, t.top_score, t.decision, t.reason,
           CAST(@start + (k.n * @span) / @total AS INTEGER) - 20000, CAST(@start + (k.n * @span) / @total AS INTEGER), NULL, NULL, t.personal, t.personal_salt, t.personal_digest, t.content_hash
         FROM k JOIN inspections t ON t.seq = 1 + (k.n % 50)`,
      )
      // BigInt binds as INTEGER (a JS number would bind as REAL and make 'officer.7.0').
      .run({ from: BigInt(from), to: BigInt(to), start: BigInt(start), span: BigInt(year), total: BigInt(BIG) });
  }
  log.db.exec(`
    CREATE INDEX inspections_time ON inspections(time);
    CREATE INDEX inspections_officer_time ON inspections(officer, time);
    CREATE INDEX inspections_site_time ON inspections(site, time);
    CREATE INDEX inspections_unpurged_time ON inspections(time) WHERE purged_at IS NULL;
    ANALYZE;`);
  log.db.pragma('synchronous = FULL');
  log.db.pragma('wal_checkpoint(TRUNCATE)');
  report.figure('5M database generated in', (performance.now() - t0) / 1000, 's');
  return log;
}

export default async function (report: BenchReporter) {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-bench-insp-'));
  try {
    const small = process.env.INSPECTIONS_BENCH_SMALL !== '0';
    // 1. Recording: each call returns after its own fsynced commit.
    if (small) {
      const log = openInspectionLog(join(dir, 'rec'));
      const samples: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < 2_000; i++) {
        const input = inspection(i, 2_000);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        log.recordInspection(input);
        samples.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      report.timings('recordInspection (WAL, synchronous=FULL, one commit each), wall', samples);
      report.timings('recordInspection, cpu', cpu);
      log.close();
    }

    // 2. Exports and verify on 100,000 inspections.
    if (small) {
      const log = openInspectionLog(join(dir, '100k'));
      const gen = await timed(() => fill(log, 100_000));
      report.figure('fill 100,000 inspections (batched transactions), cpu', gen.cpuMs / 1000, `s (wall ${(gen.ms / 1000).toFixed(1)} s)`);
      const filter = { from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' };
      const csv = await timed(() => exportShiftCsv(log, filter, join(dir, 'shift.csv'), { actor: 'bench' }));
      report.figure(`CSV export of ${csv.value.rows} inspections`, csv.ms, `ms wall (cpu ${Math.round(csv.cpuMs)} ms)`);
      report.figure('CSV size', statSync(join(dir, 'shift.csv')).size / 2 ** 20, 'MiB');
      const pdf = await timed(() => exportShiftPdf(log, filter, join(dir, 'shift.pdf'), { actor: 'bench' }));
      report.figure(`PDF summary of ${pdf.value.rows} inspections (incl. verifying their chain entries)`, pdf.ms, `ms wall (cpu ${Math.round(pdf.cpuMs)} ms)`);
      report.figure('PDF size', statSync(join(dir, 'shift.pdf')).size / 2 ** 20, 'MiB');
      const v = await timed(() => log.verifyChain());
      report.figure(`verifyChain over ${v.value.checked} entries (ok=${v.value.ok})`, v.ms, `ms wall (cpu ${Math.round(v.cpuMs)} ms)`);
      const q = await timed(() => log.queryShift({ from: '2026-11-28T06:00:00Z', to: '2026-11-28T14:00:00Z', officer: 'officer.3' }));
      report.figure(`queryShift 8 h one officer on 100k (${q.value.length} rows)`, q.ms, `ms wall (cpu ${Math.round(q.cpuMs)} ms)`);
      log.close();
    }
    report.memory('after 100k');

    // 3. Shift queries on 5,000,000 inspections.
    if (BIG > 0) {
      const log = buildBig(report);
      report.figure('5M database size', statSync(join(BIG_DIR, 'inspections.db')).size / 2 ** 30, 'GiB');
      const shifts = Array.from({ length: 20 }, (_, i) => {
        const from = Date.UTC(2026, 0, 5) + i * 13 * DAY + (i % 3) * 8 * 3_600_000;
        return { from: new Date(from).toISOString(), to: new Date(from + 8 * 3_600_000).toISOString() };
      });
      for (const [label, extra] of [
        ['whole workstation', {}],
        ['one site', { site: 'EAST' }],
        ['one officer', { officer: 'officer.7' }],
      ] as const) {
        const samples: number[] = [];
        const cpu: number[] = [];
        let rows = 0;
        for (const s of shifts) {
          const r = await timed(() => log.queryShift({ ...s, ...extra }));
          samples.push(r.ms);
          cpu.push(r.cpuMs);
          rows = r.value.length;
        }
        report.timings(`queryShift 8 h, ${label}, 5M db (~${rows} rows), wall`, samples);
        report.timings(`queryShift 8 h, ${label}, 5M db, cpu`, cpu);
      }
      const dashSamples: number[] = [];
      for (const s of shifts) dashSamples.push((await timed(() => log.dashboard(s))).ms);
      report.timings('dashboard 8 h, 5M db', dashSamples);
      log.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (!existsSync(BIG_DIR)) report.note('no 5M database kept');
  }
}
