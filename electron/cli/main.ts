import { packageVersion } from '../core/app/version';
import { describeError, isUserError } from '../core/app/errors';
import type { CliContext } from './context';
import { commands } from './commands/index';


async function usage(ctx: CliContext): Promise<void> {
  const lines = ['Usage: checkpoint <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    let summary = '';
    try {
      summary = (await load()).summary;
    } catch {
      summary = '(unavailable: a module failed to load; run `checkpoint doctor`)';
    }
    lines.push(`  ${name.padEnd(12)} ${summary}`);
  }
  lines.push('', 'Every command takes --data-dir DIR (default: $CHECKPOINT_DATA_DIR, else the per-OS app data folder).');
  lines.push('Run `checkpoint <command> --help` for its options.');
  ctx.stdout.write(lines.join('\n') + '\n');
}

/** Options every command takes may also stand before its name (`checkpoint --data-dir D doctor`). */
const GLOBAL_OPTIONS: Record<string, boolean> = { '--data-dir': true, '--json': false };

/** Moves leading global options after the command name, where the command parses them. */
function commandFirst(argv: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(flag in GLOBAL_OPTIONS)) break;
    const takesValue = GLOBAL_OPTIONS[flag]!;
    const width = takesValue && inline === undefined ? 2 : 1;
    leading.push(...argv.slice(i, i + width));
    i += width;
  }
  if (i === 0 || i >= argv.length) return argv;
  return [argv[i]!, ...leading, ...argv.slice(i + 1)];
}

/** Runs one CLI invocation; returns the exit code. Never throws. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = commandFirst(argv);
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      await usage(ctx);
      return name ? 0 : 2;
    }
    if (name === '--version' || name === '-v') {
      ctx.stdout.write(packageVersion() + '\n');
      return 0;
    }
    const load = commands[name];
    if (!load) {
      ctx.stderr.write(`checkpoint: unknown command "${name}". Run \`checkpoint --help\` for the list.\n`);
      return 2;
    }
    return await (await load()).run(rest, ctx);
  } catch (e) {
    ctx.stderr.write(`checkpoint: ${describeError(e)}\n`);
    if (!isUserError(e) && process.env.CHECKPOINT_DEBUG) ctx.stderr.write(String((e as Error)?.stack) + '\n');
    return isUserError(e) ? 2 : 1;
  }
}
