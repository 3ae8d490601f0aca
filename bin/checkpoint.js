#!/usr/bin/env node
// The `checkpoint` command: runs the TypeScript CLI through tsx, so the installed tree is the source tree.
import { register } from 'tsx/esm/api';
register();
// `checkpoint … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
