/**
 * Child process for tail.test.ts: records inspections, letting the event loop turn after each so the
 * head file catches up, then records one more and SIGKILLs itself at once: the crash window between
 * the database commit and the head file write.
 */
import { writeSync } from 'node:fs';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection } from './fixtures';

const [dir, countArg] = process.argv.slice(2);
const log = openInspectionLog(dir!);
for (let i = 0; i < Number(countArg); i++) {
  log.recordInspection(sampleInspection(i));
  await new Promise((r) => setTimeout(r, 5));
}
const { seq } = log.recordInspection(sampleInspection(Number(countArg)));
writeSync(1, `ack ${seq}\n`);
process.kill(process.pid, 'SIGKILL');
