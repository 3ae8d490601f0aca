/**
 * Turns an integer-mode Tesseract LSTM model (what Debian and tesseract.js ship: int8 weights, one
 * scale per row) back into a float one that `lstmtraining --continue_from` accepts.
 *
 * Why: `lstmtraining` refuses integer models, and the only stock English models on this machine's
 * registries are integer (Debian's tessdata_fast `eng`, npm's `@tesseract.js-data/eng` best_int).
 * Their lower layers were trained on far more printed text than the project has MRZ lines; starting
 * a fine-tune from them (with `--old_traineddata` to map the charset) tests whether that helps.
 * Each weight becomes int8 × row scale, which is what the integer model computes with, so the float
 * model reads as the integer one did (to rounding).
 *
 * usage: tsx tools/ocr-train/dequantise.ts IN.lstm OUT.lstm   (combine_tessdata -e X.traineddata IN.lstm)
 *        tsx tools/ocr-train/dequantise.ts IN.traineddata OUT.traineddata
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseLstm } from './average';

const TF_INT_MODE = 1;
/** TessdataManager's component index of the LSTM network */
export const LSTM_COMPONENT = 17;

/**
 * The traineddata container (TessdataManager): i32 n, n i64 offsets (-1 where a component is absent),
 * then the components in index order.
 */
export function splitTraineddata(buf: Buffer): Array<Buffer | null> {
  const n = buf.readInt32LE(0);
  if (n < 1 || n > 64) throw new Error('not a traineddata file');
  const offsets = Array.from({ length: n }, (_, i) => Number(buf.readBigInt64LE(4 + 8 * i)));
  return offsets.map((at, i) => {
    if (at < 0) return null;
    const end = offsets.slice(i + 1).find((o) => o >= 0) ?? buf.length;
    return buf.subarray(at, end);
  });
}

export function joinTraineddata(parts: Array<Buffer | null>): Buffer {
  const head = Buffer.alloc(4 + 8 * parts.length);
  head.writeInt32LE(parts.length, 0);
  let at = head.length;
  parts.forEach((part, i) => {
    head.writeBigInt64LE(BigInt(part?.length ? at : -1), 4 + 8 * i);
    at += part?.length ?? 0;
  });
  return Buffer.concat([head, ...parts.filter((p): p is Buffer => !!p?.length)]);
}

/** A whole integer traineddata made float (every other component kept). */
export function dequantiseTraineddata(buf: Buffer): Buffer {
  const parts = splitTraineddata(buf);
  const lstm = parts[LSTM_COMPONENT];
  if (!lstm) throw new Error('no LSTM component');
  parts[LSTM_COMPONENT] = dequantiseLstm(lstm);
  return joinTraineddata(parts);
}

const DOUBLE_FLAG = 128;

/** An integer lstm component (combine_tessdata -e) made float: each weight int8 × its row's scale. */
export function dequantiseLstm(buf: Buffer): Buffer {
  const m = parseLstm(buf);
  if (!m.int8.length) throw new Error('already a float model');
  const parts: Buffer[] = [];
  let p = 0;
  for (const w of m.int8) {
    parts.push(buf.subarray(p, w.from));
    // WeightMatrix::Serialize in float mode, not training: mode byte, then GENERIC_2D_ARRAY<double>
    const out = Buffer.alloc(1 + 16 + 8 * w.d1 * w.d2);
    out.writeUInt8(DOUBLE_FLAG, 0);
    out.writeUInt32LE(w.d1, 1);
    out.writeUInt32LE(w.d2, 5);
    out.writeDoubleLE(0, 9);
    for (let r = 0; r < w.d1; r++) {
      const scale = buf.readDoubleLE(w.scalesAt + 8 * r);
      for (let c = 0; c < w.d2; c++) out.writeDoubleLE(buf.readInt8(w.at + r * w.d2 + c) * scale, 17 + 8 * (r * w.d2 + c));
    }
    parts.push(out);
    p = w.to;
  }
  parts.push(buf.subarray(p));
  const result = Buffer.concat(parts);
  const flagsAt = m.flagsAt + (result.length - buf.length);
  result.writeInt32LE(result.readInt32LE(flagsAt) & ~TF_INT_MODE, flagsAt);
  return result;
}

if (process.argv[1]?.endsWith('dequantise.ts')) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: dequantise.ts IN.lstm|IN.traineddata OUT');
    process.exit(2);
  }
  const buf = readFileSync(input);
  writeFileSync(output, input.endsWith('.traineddata') ? dequantiseTraineddata(buf) : dequantiseLstm(buf));
  console.log(`${input} → ${output} (float)`);
}
