/**
 * Screening thresholds. Configuration, not code: a post can tighten or loosen them. The defaults are
 * the ones measured by `npm run bench:screening` (see docs/watchlist-bundle.md for the figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_QUALIFIER_WEIGHTS, type QualifierWeights } from './qualifiers';

export interface ScreeningConfig {
  /** Score at or above which the officer must act now. */
  hitThreshold: number;
  /** Score at or above which the officer reviews. */
  possibleThreshold: number;
  /** Most results returned per query. */
  maxResults: number;
  qualifiers: QualifierWeights;
}

export const DEFAULT_SCREENING_CONFIG: ScreeningConfig = {
  hitThreshold: 0.86,
  possibleThreshold: 0.72,
  maxResults: 10,
  qualifiers: DEFAULT_QUALIFIER_WEIGHTS,
};

/** A score threshold: above 0, at most 1. */
export const isThreshold = (n: number) => n > 0 && n <= 1;
export const THRESHOLD_RULE = 'must be a number above 0 and at most 1';

/** The post's own thresholds: `screening.json` in the data folder (absent: the defaults). */
export const SCREENING_CONFIG_FILE = 'screening.json';

/**
 * Reads and checks the post's thresholds from `text` (the file's content). A wrong file is an error
 * that names what to fix: silently screening with other thresholds than the post set would be worse.
 */
export function parseScreeningConfig(text: string, where: string): Partial<ScreeningConfig> {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not valid JSON`);
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error(`${where} must hold a JSON object such as {"hitThreshold": 0.86, "possibleThreshold": 0.72}`);
  const out: Partial<ScreeningConfig> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'hitThreshold' || k === 'possibleThreshold') {
      if (typeof v !== 'number' || !isThreshold(v)) throw new Error(`${where}: ${k} ${THRESHOLD_RULE}`);
      out[k] = v;
    } else if (k === 'maxResults') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 100) throw new Error(`${where}: maxResults must be a whole number from 1 to 100`);
      out.maxResults = v as number;
    } else throw new Error(`${where}: unknown setting "${k}" (known: hitThreshold, possibleThreshold, maxResults)`);
  }
  return out;
}

/** Merges settings over the defaults and checks they make sense together. */
export function screeningConfig(...layers: Array<Partial<ScreeningConfig> | undefined>): ScreeningConfig {
  const c = Object.assign({}, DEFAULT_SCREENING_CONFIG, ...layers.filter(Boolean)) as ScreeningConfig;
  if (c.possibleThreshold > c.hitThreshold) throw new Error(`possibleThreshold (${c.possibleThreshold}) must not be above hitThreshold (${c.hitThreshold})`);
  return c;
}

/** The post's `screening.json` (undefined when absent); throws, saying what is wrong, on a bad file. */
export function readPostScreeningConfig(dataDir: string): Partial<ScreeningConfig> | undefined {
  const file = join(dataDir, SCREENING_CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const post = parseScreeningConfig(readFileSync(file, 'utf8'), file);
  screeningConfig(post); // the two thresholds must make sense together
  return post;
}
