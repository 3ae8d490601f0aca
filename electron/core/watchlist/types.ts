/**
 * Watchlist data model shared by screening (import, match) and sync (publish, pull, apply).
 * The bundle format below is the project's own list format; it is what sync distributes.
 */

/** A person the list wants stopped or reviewed (wanted, sanctioned). */
export interface PersonEntry {
  kind: 'person';
  /** Stable id, unique within the watchlist: the source's own reference with a list prefix, e.g. `un:QDi.001`, `os:NK-abc`. */
  id: string;
  /** Which list it came from, e.g. `un-sc`, `ofac-sdn`, `opensanctions`, `national`. */
  source: string;
  /** Primary name first, then aliases; any script. */
  names: string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDates: string[];
  /** ICAO / ISO 3166-1 alpha-3 codes where known (e.g. `THA`, `D` for Germany as in the MRZ). */
  nationalities: string[];
  gender: 'M' | 'F' | '';
  /** Why the person is listed, shown to the officer. */
  reason: string;
  /** What the officer must do on a hit, e.g. "Refer to secondary; call duty desk". */
  action: string;
  /** Human reference for the listing (UN reference, OFAC uid...). */
  reference: string;
  /** Travel documents known for the person (number + issuing state); matched exactly like SLTD entries. */
  documents: { number: string; issuingState: string; type: string }[];
}

/** A lost or stolen travel document (Interpol SLTD style). */
export interface DocumentEntry {
  kind: 'document';
  id: string;
  source: string;
  documentNumber: string;
  /** ICAO three-letter code. */
  issuingState: string;
  /** e.g. `P` passport, `I` identity card; empty when unknown. */
  documentType: string;
  /** `YYYY-MM-DD` or empty. */
  reportedDate: string;
  reason: string;
  action: string;
}

export type WatchlistEntry = PersonEntry | DocumentEntry;

/**
 * Bundle file: UTF-8 JSON lines. The first line is the header, every further line one operation.
 *   {"format":"checkpoint-watchlist","formatVersion":1,"kind":"snapshot","listVersion":7,"baseVersion":null,"publishedAt":"...","entryCount":123}
 *   {"op":"put","entry":{...WatchlistEntry}}
 *   {"op":"del","id":"un:QDi.001"}            (deltas only)
 * A snapshot holds only `put` lines and replaces the whole list. A delta applies to `baseVersion` and yields
 * `listVersion`. `entryCount` is the number of entries in the list after applying the bundle.
 */
export interface BundleHeader {
  format: 'checkpoint-watchlist';
  formatVersion: 1;
  kind: 'snapshot' | 'delta';
  listVersion: number;
  baseVersion: number | null;
  publishedAt: string;
  entryCount: number;
}

export type BundleOp = { op: 'put'; entry: WatchlistEntry } | { op: 'del'; id: string };

/** The traveller as screening sees it; every field may be missing or empty. */
export interface ScreeningQuery {
  surname?: string;
  givenNames?: string;
  birthDate?: string;
  nationality?: string;
  sex?: string;
  documentNumber?: string;
  issuingState?: string;
  documentCode?: string;
}

/**
 * Every code a screening reason can carry: the screens translate a hit's explanation from these
 * (the English `reasons` stay for the CLI). Params hold names, codes and numbers, never sentences.
 */
export const WATCHLIST_REASON_CODES = [
  'document_lost_stolen',
  'document_listed_person',
  'document_number_listed',
  'name_score',
  'name_pair_exact',
  'name_pair',
  'name_unmatched_traveller',
  'name_unmatched_list',
  'birth_year_off_one',
  'birth_year_differs',
  'birth_year_only',
  'birth_month_differs',
  'birth_year_month',
  'birth_exact',
  'birth_day_differs',
  'nationality_match',
  'nationality_differs',
  'gender_differs',
] as const;
export type WatchlistReasonCode = (typeof WATCHLIST_REASON_CODES)[number];

/** One screening reason as a code and its parameters; `delta` (when present) is the score adjustment. */
export interface ReasonCode {
  code: WatchlistReasonCode;
  params: Record<string, string | number>;
}

export interface ScreeningHit {
  id: string;
  score: number;
  band: 'hit' | 'possible';
  /** Human-readable explanations, e.g. "surname ERIKSON ~ ERIKSSON (0.97)", "birth date exact". */
  reasons: string[];
  /** The same explanations as codes with parameters, for translated screens. */
  reasonCodes: ReasonCode[];
  /** The list entry, for the officer's hit panel. */
  entry: WatchlistEntry;
}

export interface ScreeningResult {
  hits: ScreeningHit[];
  listVersion: number | null;
  /** ms spent screening */
  ms: number;
}

/** Source formats `importFile` and `readSourceEntries` understand. */
export type ImportFormat = 'bundle' | 'opensanctions-csv' | 'ftm' | 'un-xml' | 'ofac-csv' | 'sltd-csv';

/** What an import did; `errors` name the source line of every rejected row. */
export interface ImportReport {
  added: number;
  updated: number;
  /** Entries already in the list exactly as given (a file imported again changes nothing). */
  unchanged?: number;
  /** A snapshot bundle replaces the list: entries of the previous list that it no longer has. */
  removed?: number;
  rejected: number;
  /** Source records that are not screening targets (companies, vessels...): neither imported nor errors. */
  skipped?: number;
  errors: { line: number; message: string }[];
}

export interface WatchlistStats {
  persons: number;
  documents: number;
  bySource: Record<string, number>;
  /** Last import per source format: file name, time and counts. */
  imports: Record<string, { file: string; at: string; added: number; updated: number; rejected: number }>;
  listVersion: number | null;
  publishedAt: string | null;
  /**
   * Entries added or changed by hand (`watchlist import`) since the last full list: the list in use is
   * then not exactly the published version, and the next snapshot from headquarters replaces them.
   */
  handChanges: number;
  /** Size of watchlist.db on disk (bytes). */
  fileBytes: number;
}
