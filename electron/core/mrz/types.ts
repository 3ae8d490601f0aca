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
