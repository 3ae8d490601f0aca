import { UserError } from '../../core/app/errors';
import { runDemo } from '../../core/inspections/demo';
import { dataDirFrom, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';

export const summary = 'run N made-up travellers through read, parse, screening, a scripted officer and the log; prints throughput';

const USAGE = `Usage: checkpoint demo --data-dir DIR --travellers N [--hit-rate R] [--seed S] [--json]
Uses its own data folder (refuses one with real inspections). Creates a made-up watchlist there on first run.
--hit-rate is the share of travellers on the list (default 0.02).
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCliArgs(args, { travellers: { type: 'string' }, 'hit-rate': { type: 'string' }, seed: { type: 'string' } }, false);
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (typeof values['data-dir'] !== 'string') throw new UserError('bad_arguments', 'The demo needs its own --data-dir (it writes made-up inspections).');
  const travellers = Number(requireString(values, 'travellers'));
  const hitRate = values['hit-rate'] === undefined ? undefined : Number(values['hit-rate']);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UserError('bad_arguments', '--seed must be a whole number.');
  const r = await runDemo({
    dataDir: dataDirFrom(values),
    travellers,
    hitRate,
    seed,
    onProgress: values.json ? undefined : (n) => ctx.stderr.write(`\r${n} travellers...`),
  });
  if (values.json) {
    writeJsonLine(ctx, r);
  } else {
    ctx.stderr.write('\r');
    ctx.stdout.write(
      [
        `${r.travellers} travellers in ${r.seconds.toFixed(1)} s: ${r.perSecond.toFixed(1)} per second (list version ${r.listVersion ?? 'none'})`,
        `decisions: ${r.decisions.admit} admitted, ${r.decisions.refer} referred, ${r.decisions.refuse} refused; ${r.hits} hits, ${r.possibleOnly} possible matches only`,
        `per traveller p50 ${r.travellerMs.p50} ms, p99 ${r.travellerMs.p99} ms; screening p50 ${r.screenMs.p50} ms, p99 ${r.screenMs.p99} ms; durable record p50 ${r.recordMs.p50} ms, p99 ${r.recordMs.p99} ms`,
        `audit chain for these records: ${r.chainOk ? 'intact' : 'BROKEN (run `checkpoint log verify`)'}`,
      ].join('\n') + '\n',
    );
  }
  return r.chainOk ? 0 : 1;
}
