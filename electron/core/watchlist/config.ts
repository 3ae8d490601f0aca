/**
 * Screening thresholds. Configuration, not code: a post can tighten or loosen them. The defaults are
 * the ones measured by `npm run bench:screening` (see docs/watchlist-bundle.md for the figures).
 */
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
