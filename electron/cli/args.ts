import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/app/errors';
import { resolveDataDir } from '../core/app/dataDir';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const commonOptions = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/**
 * Strict flag parsing: an unknown flag is a clear error, not silently ignored.
 * Returns the values (with common options merged) and positionals.
 */
export function parseCliArgs<O extends Options>(args: string[], options: O, allowPositionals = true) {
  try {
    const parsed = parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals, strict: true });
    return parsed as { values: Record<string, any>; positionals: string[] };
  } catch (e) {
    throw new UserError('bad_arguments', `${(e as Error).message}. Run with --help for usage.`);
  }
}

export function dataDirFrom(values: Record<string, unknown>): string {
  return resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UserError('bad_arguments', `--${name} is required. Run with --help for usage.`);
  return v;
}

/** Parse a positive integer flag value, with a clear error. */
export function intFlag(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError('bad_arguments', `--${name} must be a whole number, got "${String(v)}".`);
  return n;
}
