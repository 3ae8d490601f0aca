/** Prints benchmark figures. Benchmarks report; they never pass or fail on a figure. */
export interface BenchReporter {
  /** Prints count, median, p95, p99 and max of the samples (milliseconds). */
  timings(label: string, samplesMs: number[]): { p50: number; p95: number; p99: number };
  figure(label: string, value: number, unit: string): void;
  /** Prints resident and heap memory now. */
  memory(label: string): void;
  note(text: string): void;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

export function consoleReporter(suite: string, out: (line: string) => void = (l) => console.log(l)): BenchReporter {
  return {
    timings(label, samples) {
      const s = [...samples].sort((a, b) => a - b);
      const r = { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
      out(`[${suite}] ${label}: n=${s.length} median=${fmt(r.p50)} ms p95=${fmt(r.p95)} ms p99=${fmt(r.p99)} ms max=${fmt(s[s.length - 1] ?? NaN)} ms`);
      return r;
    },
    figure(label, value, unit) {
      out(`[${suite}] ${label}: ${Number.isInteger(value) ? value : fmt(value)} ${unit}`);
    },
    memory(label) {
      const m = process.memoryUsage();
      out(`[${suite}] ${label}: rss=${(m.rss / 2 ** 20).toFixed(0)} MB heap=${(m.heapUsed / 2 ** 20).toFixed(0)} MB`);
    },
    note(text) {
      out(`[${suite}] ${text}`);
    },
  };
}
