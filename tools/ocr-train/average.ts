/**
 * Averages the float weights of several snapshots of ONE fine-tuning run of the MRZ LSTM model into
 * one model (stochastic weight averaging / Polyak averaging).
 *
 * Why: at a fixed learning rate the weights do not settle, they keep jittering around a minimum, so
 * which snapshot looks best is partly luck: the held-out lstmeval error of neighbouring snapshots
 * swings between 0.35 and 0.58%. The mean of several snapshots lies nearer the middle of the basin
 * than any one of them. Only meaningful for snapshots of the same architecture that share a basin
 * (same run, or runs forked from the same start); averaging unrelated models produces garbage.
 *
 * usage: tsx tools/ocr-train/average.ts --starter STARTER.traineddata --out OUT.traineddata [--int]
 *          CKPT_OR_TRAINEDDATA...
 *
 * How: each checkpoint becomes a float traineddata (lstmtraining --stop_training); the lstm component
 * of each is parsed following Tesseract 5.3's serialisation (Network/Plumbing/LSTM/FullyConnected/
 * Convolve/Reconfig/Input::Serialize, WeightMatrix::Serialize: weights always written as doubles,
 * LSTMRecognizer::Serialize for the fields after the network). The weight matrices are averaged
 * element-wise; every other byte of the network must be identical across inputs (the architecture),
 * except the per-layer learning rates, which like the trailer after the network (iteration counters,
 * learning rate) are taken from the first input. Training-only arrays (momentum, Adam moments) would
 * be copied from the first input too, but float traineddata files carry none. (Debian's 5.3 build
 * trains in float32: every stored weight is float32-exact; Tesseract rounds the mean on loading.)
 * --int converts the averaged lstm component with `lstmtraining --stop_training --convert_to_int
 * --continue_from avg.lstm` (a bare recogniser is accepted as a checkpoint), which for one input gives the very bytes heldout-js.sh makes from the checkpoint.
 * (`combine_tessdata -c` also works; it differs only in the per-layer training-state byte.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A parsed lstm component: where its float weight arrays lie, and where the network part ends. */
export interface LstmModel {
  buf: Buffer;
  weights: Array<{ at: number; n: number; layer: string }>;
  /** integer-mode matrices (a shipped model): int8 weights with one scale per row, see dequantise.ts */
  int8: Array<{ from: number; to: number; d1: number; d2: number; at: number; scalesAt: number; layer: string }>;
  /** where the recogniser's training flags lie (TF_INT_MODE = 1) */
  flagsAt: number;
  /** byte ranges of per-layer learning rates: training settings, not architecture */
  rates: Array<[number, number]>;
  networkEnd: number;
  spec: string;
  iteration: number;
}

const PLUMBING = ['Series', 'Parallel', 'Replicated', 'ParBidiLSTM', 'DepParUDLSTM', 'Par2dLSTM',
  'RTLReversed', 'TTBReversed', 'XYTranspose'];
const LSTMS = ['LSTM', 'SummLSTM', 'LSTMSoftmax', 'LSTMBinarySoftmax'];
const FULLY = ['Logistic', 'LinLogistic', 'LinTanh', 'Tanh', 'Relu', 'Linear', 'Softmax', 'SoftmaxNoCTC'];
const NF_LAYER_SPECIFIC_LR = 64;

export function parseLstm(buf: Buffer): LstmModel {
  let p = 0;
  const weights: LstmModel['weights'] = [];
  const int8: LstmModel['int8'] = [];
  const rates: LstmModel['rates'] = [];
  const u8 = () => buf.readUInt8(p++);
  const i32 = () => ((p += 4), buf.readInt32LE(p - 4));
  const f32 = () => ((p += 4), buf.readFloatLE(p - 4));
  const str = () => {
    const n = buf.readUInt32LE(p);
    p += 4 + n;
    return buf.toString('latin1', p - n, p);
  };
  // GENERIC_2D_ARRAY<double>: u32 dim1, u32 dim2, the empty value, dim1*dim2 values.
  const array2d = () => {
    const d1 = buf.readUInt32LE(p), d2 = buf.readUInt32LE(p + 4);
    const at = p + 16;
    p = at + 8 * d1 * d2;
    if (p > buf.length) throw new Error(`array ${d1}x${d2} runs past the end`);
    return { at, d1, d2 };
  };
  const matrix = (layer: string, training: boolean) => {
    const from = p;
    const mode = u8();
    if (!(mode & 128)) throw new Error(`${layer}: pre-4.0 weight format`);
    if (mode & 1) {
      // GENERIC_2D_ARRAY<int8_t>: u32 dim1, u32 dim2, the empty value (1 byte), the values; then
      // u32 n and n doubles: each row's scale (max |w| / 127), n padded up to the SIMD block size
      const d1 = buf.readUInt32LE(p), d2 = buf.readUInt32LE(p + 4);
      const at = p + 9;
      const scalesAt = at + d1 * d2 + 4;
      const scales = buf.readUInt32LE(scalesAt - 4);
      if (scales < d1 || scales > d1 + 64) throw new Error(`${layer}: ${d1} rows but ${scales} scales`);
      p = scalesAt + 8 * scales;
      int8.push({ from, to: p, d1, d2, at, scalesAt, layer });
      return { at, d1, d2 };
    }
    const w = array2d();
    weights.push({ at: w.at, n: w.d1 * w.d2, layer });
    if (training) {
      array2d(); // momentum / Adam first moment
      if (mode & 4) array2d(); // Adam second moment
    }
    return w;
  };
  /** One Network::Serialize record and its subclass data; returns its number of weights. */
  const network = (path: string): number => {
    if (u8() !== 0) throw new Error(`${path}: expected a named layer type`);
    const type = str();
    const training = u8() === 1; // TS_ENABLED
    u8(); // needs_to_backprop
    const flags = i32(), ni = i32(), no = i32(), numWeights = i32();
    const layer = `${path}${str() || type}`;
    let count = 0;
    if (type === 'Input') p += 20; // StaticShape: batch, height, width, depth, loss type
    else if (type === 'Convolve' || type === 'Maxpool' || type === 'Reconfig') p += 8; // x, y
    else if (PLUMBING.includes(type)) {
      const n = buf.readUInt32LE(p);
      p += 4;
      for (let i = 0; i < n; i++) count += network(`${layer}/`);
      if (flags & NF_LAYER_SPECIFIC_LR) rates.push([p, (p += 4 + 4 * buf.readUInt32LE(p))]);
    } else if (LSTMS.includes(type)) {
      const na = i32();
      const nf = type === 'LSTMSoftmax' ? no : type === 'LSTMBinarySoftmax' ? Math.ceil(Math.log2(no)) : 0;
      const ci = matrix(`${layer}.CI`, training);
      const is2d = na - nf === ni + 2 * ci.d1; // only a 2-D LSTM has the GFS gate
      for (const g of is2d ? ['GI', 'GF1', 'GO', 'GFS'] : ['GI', 'GF1', 'GO']) matrix(`${layer}.${g}`, training);
      count = (is2d ? 5 : 4) * ci.d1 * ci.d2; // all gates are ns x (na + 1)
      if (nf) count += network(`${layer}/`); // the softmax of an LSTMSoftmax
    } else if (FULLY.includes(type)) {
      const w = matrix(layer, training);
      count = w.d1 * w.d2;
    } else throw new Error(`${path}: unsupported layer type ${type}`);
    if (count !== numWeights) throw new Error(`${layer}: ${count} weights parsed, header says ${numWeights}`);
    return count;
  };
  network('');
  const networkEnd = p;
  // LSTMRecognizer::Serialize after the network (the charsets live in their own components here).
  const spec = str();
  const flagsAt = p;
  i32(); // training flags
  const iteration = i32();
  i32(), i32(), f32(), f32(), f32(); // sample iteration, null char, adam beta, learning rate, momentum
  if (!spec.startsWith('[') || p !== buf.length) throw new Error(`lstm component not understood (spec ${JSON.stringify(spec)}, ${buf.length - p} bytes left)`);
  return { buf, weights, int8, flagsAt, rates, networkEnd, spec, iteration };
}

/** Element-wise mean of the weights; all else from models[0], the network structure must match. */
export function averageLstm(models: LstmModel[]): Buffer {
  const [first] = models;
  if (!first) throw new Error('nothing to average');
  if (models.some((m) => m.int8.length)) throw new Error('integer model: average float models only (dequantise.ts first)');
  const structure = (m: LstmModel) => {
    const b = Buffer.from(m.buf.subarray(0, m.networkEnd));
    for (const w of m.weights) b.fill(0, w.at, w.at + 8 * w.n);
    for (const [from, to] of m.rates) b.fill(0, from + 4, to); // keep the count, not the values
    return b;
  };
  const rates = (m: LstmModel) => Buffer.concat(m.rates.map(([from, to]) => m.buf.subarray(from, to)));
  if (models.some((m) => !rates(m).equals(rates(first)))) console.log('note: per-layer learning rates differ; taken from the first input');
  const ref = structure(first);
  for (const m of models) if (!structure(m).equals(ref)) throw new Error('models differ in architecture');
  const out = Buffer.from(first.buf);
  for (const [k, w] of first.weights.entries()) {
    for (let i = 0; i < w.n; i++) {
      let sum = 0;
      for (const m of models) sum += m.buf.readDoubleLE(m.weights[k]!.at + 8 * i);
      out.writeDoubleLE(sum / models.length, w.at + 8 * i);
    }
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const starter = opt('--starter'), out = opt('--out');
  const toInt = args.includes('--int');
  const inputs = args.filter((a) => a !== '--int');
  if (!starter || !out || inputs.length === 0) {
    console.error('usage: average.ts --starter STARTER.traineddata --out OUT.traineddata [--int] CKPT_OR_TRAINEDDATA...');
    process.exit(2);
  }
  const run = (cmd: string, ...a: string[]) => execFileSync(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const tmp = mkdtempSync(join(tmpdir(), 'average-'));
  try {
    const models = inputs.map((input, i) => {
      let traineddata = input;
      if (!input.endsWith('.traineddata')) {
        traineddata = join(tmp, `${i}.traineddata`);
        run('lstmtraining', '--stop_training', '--continue_from', input, '--traineddata', starter, '--model_output', traineddata);
      }
      const lstm = join(tmp, `${i}.lstm`);
      run('combine_tessdata', '-e', traineddata, lstm);
      const m = parseLstm(readFileSync(lstm));
      const n = m.weights.reduce((s, w) => s + w.n, 0);
      console.log(`${basename(input)}: iteration ${m.iteration}, ${m.weights.length} weight matrices, ${n} weights`);
      return { traineddata, m };
    });
    const lstm = join(tmp, 'avg.lstm');
    writeFileSync(lstm, averageLstm(models.map((x) => x.m)));
    if (toInt) {
      run('lstmtraining', '--stop_training', '--convert_to_int', '--continue_from', lstm, '--traineddata', starter, '--model_output', out);
    } else {
      copyFileSync(models[0]!.traineddata, out); // float model of the first input, lstm replaced
      run('combine_tessdata', '-o', out, lstm);
    }
    console.log(`wrote ${out} (${toInt ? 'integer' : 'float'}), mean of ${models.length}; trailer (iteration ${models[0]!.m.iteration}) from ${basename(inputs[0]!)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('average.ts')) main();
