/** What a command gets besides its arguments: where to write, so tests can capture output. */
export interface CliContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  summary: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** One JSON object per line, as every `--json` output is. */
export function writeJsonLine(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value) + '\n');
}
