/**
 * OFAC SDN list in its legacy CSV form (sdn.csv, no header): ent_num, name, type, program, ..., remarks.
 * Individuals only. Birth dates, passports, nationality, gender and a.k.a. names live inside the
 * remarks; aliases also come from alt.csv (ofac-alt.csv) and remarks continue in sdn_comments.csv
 * when those files sit beside the main file.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../app/errors';
import { countryCode } from '../countries';
import type { PersonEntry } from '../types';
import { CsvSyntaxError, readCsv } from './csv';
import type { ParsedRow } from './row';

const NULL = (s: string | undefined) => {
  const t = (s ?? '').trim();
  return t === '-0-' ? '' : t;
};

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** "LAST, First Middle" to "First Middle LAST"; names without a comma stay as written. */
function naturalOrder(name: string): string {
  const i = name.indexOf(',');
  if (i < 0) return name.trim();
  return `${name.slice(i + 1).trim()} ${name.slice(0, i).trim()}`.trim();
}

function parseOfacDate(s: string): string[] {
  const t = s.trim().replace(/^circa\s+/i, '');
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.toUpperCase()]) return [`${m[3]}-${MONTHS[m[2]!.toUpperCase()]}-${m[1]!.padStart(2, '0')}`];
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.toUpperCase()]) return [`${m[2]}-${MONTHS[m[1]!.toUpperCase()]}`];
  m = /^(\d{4}) to (\d{4})$/.exec(t);
  if (m && Number(m[2]) - Number(m[1]) <= 10) {
    const out: string[] = [];
    for (let y = Number(m[1]); y <= Number(m[2]); y++) out.push(String(y));
    return out;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? [m[1]!] : [];
}

export function parseRemarks(remarks: string) {
  const parts = remarks.split(';').map((p) => p.trim().replace(/\.$/, ''));
  const birthDates: string[] = [];
  const nationalities: string[] = [];
  const documents: PersonEntry['documents'] = [];
  const aliases: string[] = [];
  let gender: PersonEntry['gender'] = '';
  for (const p of parts) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:alt\. )?DOB (.+)$/i.exec(p))) birthDates.push(...parseOfacDate(m[1]!));
    else if ((m = /^(?:alt\. )?(?:nationality|citizen) (.+)$/i.exec(p))) {
      const c = countryCode(m[1]!);
      if (c) nationalities.push(c);
    } else if ((m = /^(?:alt\. )?(Passport|National ID No\.|Cedula No\.|Identification Number) ([A-Z0-9][A-Z0-9 -]*?)\s*(?:\(([^)]+)\))?(?:\s|$)/i.exec(p))) {
      documents.push({ number: m[2]!.trim(), issuingState: countryCode(m[3] ?? ''), type: /passport/i.test(m[1]!) ? 'P' : 'I' });
    } else if ((m = /^Gender (Male|Female)/i.exec(p))) gender = m[1]!.toLowerCase() === 'male' ? 'M' : 'F';
    else if ((m = /^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+)'$/i.exec(p))) aliases.push(m[1]!);
  }
  return { birthDates: [...new Set(birthDates)], nationalities: [...new Set(nationalities)], documents, aliases, gender };
}

function sibling(path: string, kind: 'alt' | 'sdn_comments'): string | null {
  const base = basename(path);
  const candidates = [base.replace(/sdn/i, kind === 'alt' ? 'alt' : 'sdn_comments'), kind === 'alt' ? 'alt.csv' : 'sdn_comments.csv'];
  if (kind === 'sdn_comments') candidates.unshift(base.replace(/\.csv$/i, '_comments.csv'));
  for (const c of candidates) {
    if (c === base) continue;
    const p = join(dirname(path), c);
    if (existsSync(p)) return p;
  }
  return null;
}

export function* readOfacCsv(path: string): Generator<ParsedRow> {
  const aliases = new Map<string, string[]>();
  const altPath = sibling(path, 'alt');
  if (altPath) {
    for (const r of readCsv(altPath)) {
      if (r instanceof CsvSyntaxError) continue;
      const [ent, , , name] = r.fields;
      const n = NULL(name);
      if (ent && n) aliases.set(ent.trim(), [...(aliases.get(ent.trim()) ?? []), naturalOrder(n)]);
    }
  }
  const comments = new Map<string, string>();
  const commentsPath = sibling(path, 'sdn_comments');
  if (commentsPath) {
    for (const r of readCsv(commentsPath)) {
      if (r instanceof CsvSyntaxError) continue;
      if (r.fields[0]) comments.set(r.fields[0].trim(), NULL(r.fields[1]));
    }
  }
  let rows = 0;
  for (const r of readCsv(path)) {
    if (r instanceof CsvSyntaxError) {
      yield { line: r.line, error: r.message };
      continue;
    }
    rows++;
    const f = r.fields;
    if (f.length < 12) {
      yield { line: r.line, error: `expected 12 columns (ent_num, name, type, program, ..., remarks), found ${f.length}` };
      continue;
    }
    const ent = f[0]!.trim();
    if (!/^\d+$/.test(ent)) {
      if (rows === 1 && /ent_num/i.test(ent)) continue; // a header line some exports add
      yield { line: r.line, error: `ent_num "${ent}" is not a number` };
      continue;
    }
    if (NULL(f[2]).toLowerCase() !== 'individual') continue;
    const name = NULL(f[1]);
    if (!name) {
      yield { line: r.line, error: `entry ${ent} has no name` };
      continue;
    }
    const remarks = [NULL(f[11]), comments.get(ent) ?? ''].filter(Boolean).join(' ');
    const parsed = parseRemarks(remarks);
    const entry: PersonEntry = {
      kind: 'person',
      id: `ofac:${ent}`,
      source: 'ofac-sdn',
      names: [...new Set([naturalOrder(name), ...(aliases.get(ent) ?? []), ...parsed.aliases])],
      birthDates: parsed.birthDates,
      nationalities: parsed.nationalities,
      gender: parsed.gender,
      reason: `OFAC SDN (${NULL(f[3]).replace(/\] \[/g, ', ')})`,
      action: 'Refer to secondary inspection; notify the duty officer',
      reference: ent,
      documents: parsed.documents,
    };
    yield { line: r.line, entry };
  }
  if (rows === 0) throw new UserError('import_empty', `${path} holds no rows; expected the OFAC SDN CSV.`);
}
