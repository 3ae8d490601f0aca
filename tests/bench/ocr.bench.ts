/**
 * OCR figures (issue 9): the model alone on real photographed lines (eval.txt, never trained on),
 * after check-digit repair per complete zone, synthetic full pages by degradation, the two specimen
 * pages, warm latency on ~1250×880 pages, first result after start, bad input, peak memory.
 * Needs ../shared/datasets (fails loudly without it). OCR_BENCH_PAGES sets pages per group (default 100: a 99% target needs that resolution).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { createMrzReader, defaultModelDir, defaultWorkers } from '../../electron/core/ocr/index';
import { describeEval, evaluateLines, readList } from '../../tools/ocr-train/evaluate';
import { syntheticPage, syntheticScan } from '../../tools/ocr-train/syntheticPage';
import { hugePngHeader } from '../unit/ocr/helpers';
import type { BenchReporter } from './reporter';

const DATASETS = resolve(import.meta.dirname, '../../../shared/datasets');

export default async function (report: BenchReporter) {
  const lines = resolve(DATASETS, 'mrz-lines');
  const specimens = resolve(DATASETS, 'specimen-pages');
  if (!existsSync(lines) || !existsSync(specimens)) throw new Error(`datasets missing: ${DATASETS} (mrz-lines, specimen-pages)`);
  const modelDir = defaultModelDir();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const perGroup = Number(process.env.OCR_BENCH_PAGES ?? 100);

  // 1. first result after start: a cold reader, one page
  const first = await syntheticPage(1, 'TD3', 'mild');
  const t0 = performance.now();
  const cold = createMrzReader({ modelDir });
  const r0 = await cold.read(first.image);
  report.figure('first result after start (worker start + one mild TD3 page)', performance.now() - t0, 'ms');
  report.note(`first page: ${r0.ok ? (r0.mrz.valid ? 'valid' : 'invalid') : r0.code}; lines read side by side by ${defaultWorkers()} worker(s)`);
  const reader = cold;

  // 2. the model alone on eval.txt (and the glyph-free LSTM path only)
  const evalNames = readList(resolve(lines, 'eval.txt'));
  const e = await evaluateLines(modelDir, lines, evalNames);
  for (const l of describeEval('eval.txt, model alone', e).split('\n')) report.note(l);
  report.figure('eval.txt model alone: exact lines', e.exact * 100, '%');
  report.figure('eval.txt model alone: character error rate', e.cer * 100, '%');
  report.figure(`eval.txt complete zones (${e.zones}): valid after check-digit repair`, e.zonesValid * 100, '%');
  report.figure(`eval.txt complete zones (${e.zones}): every line right before repair`, e.zonesExactBefore * 100, '%');
  report.figure(`eval.txt complete zones (${e.zones}): every line right after repair`, e.zonesExact * 100, '%');
  report.figure('eval.txt complete zones: CER before repair', e.zoneCerBefore * 100, '%');
  report.figure('eval.txt complete zones: CER after repair', e.zoneCerAfter * 100, '%');
  // Specimens and fakes whose printed check digits are wrong are kept apart: there, repair can only move
  // a right reading away from the print (and the officer sees it flagged).
  const g = e.genuine;
  const genuine = `eval.txt complete zones whose printed check digits hold (${g.zones})`;
  report.figure(`${genuine}: valid after repair`, g.valid * 100, '%');
  report.figure(`${genuine}: every line right before repair`, g.exactBefore * 100, '%');
  report.figure(`${genuine}: every line right after repair`, g.exactAfter * 100, '%');
  report.figure(`${genuine}: CER before repair`, g.cerBefore * 100, '%');
  report.figure(`${genuine}: CER after repair`, g.cerAfter * 100, '%');

  // 3. synthetic pages, and warm latency on ~1250×880 pages
  const warm: number[] = [];
  for (const deg of ['clean', 'mild', 'hard'] as const) {
    for (const fmt of ['TD3', 'TD1'] as const) {
      let right = 0, valid = 0, wrongButValid = 0;
      for (let s = 1000; s < 1000 + perGroup; s++) {
        const p = await syntheticPage(s, fmt, deg);
        const t = performance.now();
        const r = await reader.read(p.image);
        const ms = performance.now() - t;
        if (fmt === 'TD3' && deg !== 'hard') warm.push(ms);
        if (r.ok && r.mrz.valid) valid++;
        if (r.ok && r.lines.join('\n') === p.lines.join('\n')) right++;
        else if (r.ok && r.mrz.valid) wrongButValid++;
      }
      report.figure(`synthetic ${deg} ${fmt}: documents with every field right`, (right / perGroup) * 100, '%');
      report.note(`synthetic ${deg} ${fmt}: ${valid}/${perGroup} valid, ${wrongButValid} valid but not the printed zone (unchecked name/filler fields)`);
    }
  }
  report.timings('warm: ~1250×880 TD3 page (clean + mild) to a result', warm);

  // 3b. every zone format (TD2 and visas too) at 150, 300 and 600 dpi, skewed up to ±10° and turned
  const perScan = Math.max(2, Math.round(perGroup / 10));
  for (const fmt of ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'] as const) {
    const byDpi: string[] = [];
    let right = 0, wrongButValid = 0;
    for (const dpi of [150, 300, 600]) {
      let here = 0;
      for (let s = 0; s < perScan; s++) {
        const p = await syntheticScan(7000 + s, fmt, { dpi, skew: ((s * 7) % 21) - 10, quarter: [0, 90, 180, 270][s % 4] });
        const r = await reader.read(p.image);
        if (r.ok && r.lines.join('\n') === p.lines.join('\n')) here++;
        else if (r.ok && r.mrz.valid) wrongButValid++;
      }
      right += here;
      byDpi.push(`${dpi} dpi ${here}/${perScan}`);
    }
    report.figure(`scans ${fmt} (150/300/600 dpi, ±10°, any turn): documents with every field right`, (right / (3 * perScan)) * 100, '%');
    report.note(`scans ${fmt}: ${byDpi.join(', ')}; ${wrongButValid} valid but not the printed zone`);
  }

  // 4. specimen pages
  for (const f of ['passport-td3.jpg', 'passport-td2.jpg']) {
    const t = performance.now();
    const r = await reader.read(resolve(specimens, f));
    const ms = performance.now() - t;
    report.note(`specimen ${f}: ${r.ok ? `${r.mrz.format} ${r.mrz.valid ? 'VALID' : 'INVALID'} via ${r.attempt}, ${r.mrz.errors.length} errors, confidence ${r.read.map((l) => l.confidence).join('/')}` : r.code} in ${ms.toFixed(0)} ms`);
    report.figure(`specimen ${f} fully valid`, r.ok && r.mrz.valid ? 1 : 0, '(1 = yes)');
  }

  // 5. bad input: a clear error, bounded memory
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888888' } }).png().toBuffer();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 60 } } }).blur(4).jpeg().toBuffer();
  const huge = hugePngHeader(20000, 20000);
  const bad: Array<[string, Buffer]> = [
    ['empty file', Buffer.alloc(0)],
    ['truncated PNG', png.subarray(0, png.length >> 1)],
    ['20000×20000 PNG', huge],
    ['PDF', Buffer.from('%PDF-1.7\n%%EOF\n')],
    ['photo with no document', photo],
  ];
  for (const [label, buf] of bad) {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    let outcome: string;
    try {
      const r = await reader.read(buf);
      outcome = r.ok ? 'read (unexpected)' : `ok:false ${r.code}`;
    } catch (err) {
      outcome = `error: ${(err as Error).message}`;
    }
    report.note(`bad input ${label}: ${outcome} (${(performance.now() - t).toFixed(0)} ms, rss +${((process.memoryUsage().rss - before) / 2 ** 20).toFixed(0)} MB)`);
  }
  await reader.close();
  clearInterval(sampler);
  report.figure('peak resident memory during the bench', peak / 2 ** 20, 'MB');
  report.memory('after close');
}
