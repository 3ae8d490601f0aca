/**
 * Child process for crash.test.ts: records inspections one by one and prints "ack <id>" only after
 * recordInspection returned (the officer's "saved" moment). The parent kills it with SIGKILL mid-stream.
 */
import { writeSync } from 'node:fs';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection } from './fixtures';

const [dir, countArg] = process.argv.slice(2);
const log = openInspectionLog(dir!);
writeSync(1, 'ready\n');
for (let i = 0; i < Number(countArg); i++) {
  const { id } = log.recordInspection(sampleInspection(i));
  writeSync(1, `ack ${id}\n`);
}
writeSync(1, 'done\n');
