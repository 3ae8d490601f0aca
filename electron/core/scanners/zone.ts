/**
 * From decoded lines to a document: only a zone the MRZ parser recognises becomes a document
 * (bad check digits included, marked invalid by the parser); anything else is a problem report.
 */
import type { MrzResult } from '../mrz/types';
import { ScannerProblem, type ParseZone, type ReaderProblemReason } from './types';

const MRZ_CHAR = /[A-Z0-9<]/;

export type ZoneOutcome = { ok: true; lines: string[]; mrz: MrzResult } | { ok: false; problem: ScannerProblem };

/** Describes the shape of what was read without its content (content is personal data). */
function shape(lines: string[]): string {
  return `${lines.length} line${lines.length === 1 ? '' : 's'} of ${lines.map((l) => l.length).join('/')} characters`;
}

export function interpretZone(rawLines: string[], parse: ParseZone): ZoneOutcome {
  const lines = rawLines.map((l) => l.trim()).filter((l) => l.length > 0);
  const notZone = (why: string, reason: ReaderProblemReason) => ({
    ok: false as const,
    problem: new ScannerProblem('not_a_zone', `Reader sent ${shape(lines)}, ${why}; no document was created. Scan the document again.`, reason, {
      lines: lines.length,
      lengths: lines.map((l) => l.length).join('/'),
    }),
  });
  // Cheap screen before the parser: noise rarely looks like 2-3 lines of zone characters.
  if (lines.length < 2 || lines.length > 3) return notZone('not a machine readable zone (a zone has 2 or 3 lines)', 'not_zone_lines');
  for (const l of lines) {
    if (l.length < 20 || l.length > 60) return notZone('not a machine readable zone', 'not_zone_length');
    let good = 0;
    for (const ch of l) if (MRZ_CHAR.test(ch)) good++;
    if (good < l.length * 0.8) return notZone('mostly characters a zone never contains', 'not_zone_chars');
  }
  let mrz: MrzResult;
  try {
    mrz = parse(lines);
  } catch {
    return notZone('which the zone parser could not read', 'not_zone_unparsed');
  }
  if (!mrz.format) return notZone('which does not match any document format (TD1, TD2, TD3, visa)', 'not_zone_format');
  return { ok: true, lines, mrz };
}
