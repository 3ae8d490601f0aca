/**
 * OpenSanctions `targets.simple.csv` (columns found by header; multi-values separated by `;`) and
 * FollowTheMoney entity JSON lines. Only Person entities are screening targets at a border;
 * companies, vessels and the like are skipped (counted, not rejected).
 */
import { UserError } from '../../app/errors';
import { countryCode } from '../countries';
import type { PersonEntry } from '../types';
import { CsvSyntaxError, readCsv } from './csv';
import type { ParsedRow } from './row';
import { readLinesSync } from './lines';

const multi = (s: string | undefined) => (s ?? '').split(';').map((v) => v.trim()).filter(Boolean);
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function cleanDates(values: string[]): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const v of values) {
    const d = v.slice(0, 10);
    if (DATE_RE.test(d)) dates.push(d);
    else bad.push(v);
  }
  return { dates: [...new Set(dates)], bad };
}

export function* readOpenSanctionsCsv(path: string): Generator<ParsedRow> {
  let cols: Map<string, number> | null = null;
  for (const rec of readCsv(path)) {
    if (rec instanceof CsvSyntaxError) {
      yield { line: rec.line, error: rec.message };
      continue;
    }
    if (!cols) {
      cols = new Map(rec.fields.map((f, i) => [f.trim().toLowerCase(), i]));
      for (const c of ['id', 'schema', 'name'])
        if (!cols.has(c)) throw new UserError('import_bad_header', `${path} line ${rec.line}: not an OpenSanctions targets.simple.csv (no "${c}" column).`);
      continue;
    }
    const get = (c: string) => (cols!.has(c) ? (rec.fields[cols!.get(c)!] ?? '').trim() : '');
    if (rec.fields.length !== cols.size) {
      yield { line: rec.line, error: `expected ${cols.size} columns, found ${rec.fields.length}` };
      continue;
    }
    const id = get('id');
    if (!id) {
      yield { line: rec.line, error: 'id is empty' };
      continue;
    }
    if (get('schema') !== 'Person') {
      yield { line: rec.line, skipped: true };
      continue;
    }
    const names = [get('name'), ...multi(get('aliases'))].filter(Boolean);
    if (!names.length) {
      yield { line: rec.line, error: `${id}: person without a name` };
      continue;
    }
    const { dates, bad } = cleanDates(multi(get('birth_date')));
    if (bad.length) {
      yield { line: rec.line, error: `${id}: birth_date "${bad[0]}" is not YYYY, YYYY-MM or YYYY-MM-DD` };
      continue;
    }
    const entry: PersonEntry = {
      kind: 'person',
      id: id.startsWith('os:') ? id : `os:${id}`,
      source: 'opensanctions',
      names: [...new Set(names)],
      birthDates: dates,
      nationalities: [...new Set(multi(get('countries')).map(countryCode).filter(Boolean))],
      gender: '',
      reason: multi(get('sanctions'))[0] ?? `OpenSanctions (${get('dataset') || 'listed'})`,
      action: 'Refer to secondary inspection; verify identity against the listing',
      reference: id,
      documents: [],
    };
    yield { line: rec.line, entry };
  }
  if (!cols) throw new UserError('import_empty', `${path} is empty; expected an OpenSanctions targets.simple.csv with a header line.`);
}

/** FtM JSON lines: Person entities, with Passport/Identification entities attached to their holder. */
export function* readFtm(path: string): Generator<ParsedRow> {
  const persons: { line: number; entry: PersonEntry }[] = [];
  const docs = new Map<string, PersonEntry['documents']>();
  let any = false;
  for (const { line, text } of readLinesSync(path)) {
    if (!text.trim()) continue;
    any = true;
    let o: any;
    try {
      o = JSON.parse(text);
    } catch {
      yield { line, error: 'not valid JSON' };
      continue;
    }
    if (!o || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.schema !== 'string' || !o.properties || typeof o.properties !== 'object') {
      yield { line, error: 'not a FollowTheMoney entity (needs id, schema, properties)' };
      continue;
    }
    const p = o.properties as Record<string, unknown>;
    const vals = (k: string) => (Array.isArray(p[k]) ? (p[k] as unknown[]).filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);
    if (o.schema === 'Passport' || o.schema === 'Identification') {
      const holder = vals('holder')[0];
      const number = vals('number')[0] ?? vals('passportNumber')[0];
      if (holder && number) {
        const list = docs.get(holder) ?? [];
        list.push({ number, issuingState: countryCode(vals('country')[0]), type: o.schema === 'Passport' ? 'P' : 'I' });
        docs.set(holder, list);
      }
      continue;
    }
    if (o.schema !== 'Person') {
      yield { line, skipped: true };
      continue;
    }
    const names = [...vals('name'), ...vals('alias'), ...vals('weakAlias')];
    if (!names.length) {
      yield { line, error: `${o.id}: person without a name` };
      continue;
    }
    const { dates, bad } = cleanDates(vals('birthDate'));
    if (bad.length) {
      yield { line, error: `${o.id}: birthDate "${bad[0]}" is not YYYY, YYYY-MM or YYYY-MM-DD` };
      continue;
    }
    const g = (vals('gender')[0] ?? '').toLowerCase();
    persons.push({
      line,
      entry: {
        kind: 'person',
        id: o.id.startsWith('ftm:') || o.id.startsWith('os:') ? o.id : `os:${o.id}`,
        source: Array.isArray(o.datasets) && typeof o.datasets[0] === 'string' ? o.datasets[0] : 'ftm',
        names: [...new Set(names)],
        birthDates: dates,
        nationalities: [...new Set([...vals('nationality'), ...vals('citizenship')].map(countryCode).filter(Boolean))],
        gender: g === 'male' ? 'M' : g === 'female' ? 'F' : '',
        reason: vals('topics').join(', ') || vals('program')[0] || 'Listed person',
        action: 'Refer to secondary inspection; verify identity against the listing',
        reference: o.id,
        documents: vals('passportNumber').map((n) => ({ number: n, issuingState: countryCode(vals('nationality')[0]), type: 'P' })),
      },
    });
  }
  if (!any) throw new UserError('import_empty', `${path} is empty; expected FollowTheMoney entities as JSON lines.`);
  for (const { line, entry } of persons) {
    const extra = docs.get(entry.reference);
    if (extra) entry.documents.push(...extra);
    yield { line, entry };
  }
}
