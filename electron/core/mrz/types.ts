/**
 * The machine readable zone as the rest of the workstation sees it.
 * JSON field names are part of the CLI contract (`checkpoint mrz parse --json`): do not rename.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export interface MrzIssue {
  /** Field the problem is in, e.g. `documentNumber`, `birthDate`, `compositeCheckDigit`, `structure`. */
  field: string;
  /** Stable machine code, e.g. `check_digit`, `length`, `charset`, `date`, `unknown_state`. */
  code: string;
  /** One sentence a technician or officer can act on. */
  message: string;
  /** 1-based line of the zone, or 0 when the issue is about the whole zone. */
  line: number;
  /** 1-based character position on that line, or 0. */
  position: number;
  /**
   * What the screens need to say `message` in another language: the values the sentence names
   * (characters, digits, dates as `YYYY-MM-DD`), and `variant` where one code has several sentences.
   * The message id is `code`, or `code.variant` when a variant is given (see `MRZ_ISSUE_MESSAGES`).
   */
  params?: Record<string, string | number>;
}

/** Every message id an MRZ issue can carry (`code` or `code.variant`): the screens have a translation for each. */
export const MRZ_ISSUE_MESSAGES = [
  'internal',
  'input',
  'length',
  'format',
  'format.empty',
  'charset',
  'charset.letters_only',
  'charset.too_many',
  'charset.lowercase',
  'charset.space',
  'charset.lookalike',
  'check_digit',
  'check_digit.not_digit',
  'document_code_digit',
  'document_code',
  'document_code.no_letter',
  'state',
  'specimen',
  'unknown_state',
  'unusual_state_code',
  'name',
  'name_truncated',
  'document_number',
  'filler_in_number',
  'date',
  'birth_date_unknown',
  'no_expiry',
  'expired',
  'birth_in_future',
  'birth_after_expiry',
  'sex',
  'variant',
  'possible_misread',
  'repaired_unchecked',
  'repair_ambiguous',
  'repair_likeliest',
  'repaired_length.too_long',
  'repaired_length.too_short',
  'repaired_length.fillers_added',
  'repaired_length.fillers_removed',
  'ocr_disagreement',
] as const;
export type MrzIssueMessageId = (typeof MRZ_ISSUE_MESSAGES)[number];

/** The message id of an issue: its code, refined by `params.variant`. */
export function issueMessageId(issue: Pick<MrzIssue, 'code' | 'params'>): string {
  const v = issue.params?.variant;
  return v ? `${issue.code}.${v}` : issue.code;
}

/**
 * One character changed by repair mode. `line` and `position` are 1-based; `from: ''` is a character
 * inserted (a dropped character or a lost trailing filler), `to: ''` one removed. Character fixes made
 * before a line was realigned (look-alikes, lowercase, spaces) carry their position as read.
 */
export interface MrzRepair {
  line: number;
  position: number;
  from: string;
  to: string;
}

export interface MrzResult {
  format: MrzFormat | null;
  documentCode: string;
  issuingState: string;
  nationality: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | 'X' | '';
  optionalData: string;
  /** TD1 only: the second optional data area (line 2, positions 19–29), fillers at the end removed. */
  optionalData2?: string;
  /**
   * Set when the zone follows a documented national layout instead of ICAO 9303's
   * (e.g. `FRA-CNI-1988`, the French identity card issued until 2021); also reported as a warning.
   */
  variant?: string;
  valid: boolean;
  errors: MrzIssue[];
  warnings: MrzIssue[];
  /** The zone lines as parsed (after repair, when repair was asked for). */
  lines: string[];
  /** Only present when repair mode ran. */
  repairs?: MrzRepair[];
}
