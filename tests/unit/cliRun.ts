/**
 * Runs the `checkpoint` command in-process, as the CLI tests need it: stdout and stderr captured as text.
 * With `stdinText` the command reads that text and then end of input; without, stdin stays open and empty
 * (for commands that never read it).
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/main';

export async function runCliCaptured(argv: string[], stdinText?: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  if (stdinText !== undefined) stdin.end(stdinText);
  const code = await runCli(argv, { stdout, stderr, stdin, env: {} });
  return { code, out, err };
}
