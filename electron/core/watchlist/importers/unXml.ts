/** UN Security Council consolidated list (XML): individuals become person entries, `un:` + reference. */
import { readFileSync } from 'node:fs';
import { UserError } from '../../app/errors';
import { countryCode } from '../countries';
import type { PersonEntry } from '../types';
import type { ParsedRow } from './row';
import { child, children, parseXml, textOf, XmlSyntaxError, type XmlNode } from './xml';

function birthDates(ind: XmlNode): string[] {
  const out: string[] = [];
  for (const d of children(ind, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const date = textOf(child(d, 'DATE'));
    const year = textOf(child(d, 'YEAR'));
    const from = Number(textOf(child(d, 'FROM_YEAR')));
    const to = Number(textOf(child(d, 'TO_YEAR')));
    if (/^\d{4}-\d{2}-\d{2}/.test(date)) out.push(date.slice(0, 10));
    else if (/^\d{4}$/.test(year)) out.push(year);
    else if (from > 1800 && to >= from && to - from <= 10) for (let y = from; y <= to; y++) out.push(String(y));
  }
  return [...new Set(out)];
}

export function* readUnXml(path: string): Generator<ParsedRow> {
  let src: string;
  try {
    src = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError('file_unreadable', `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code}. Check the path.`);
  }
  let root: XmlNode;
  try {
    root = parseXml(src);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new UserError('import_bad_file', `${path} line ${e.line}: ${e.message}; not a readable UN list, nothing was imported.`);
    throw e;
  }
  const list = child(root, 'CONSOLIDATED_LIST');
  if (!list) throw new UserError('import_bad_file', `${path}: no <CONSOLIDATED_LIST>; this is not the UN consolidated list XML.`);
  const individuals = child(list, 'INDIVIDUALS');
  for (const ind of individuals ? children(individuals, 'INDIVIDUAL') : []) {
    const ref = textOf(child(ind, 'REFERENCE_NUMBER')) || textOf(child(ind, 'DATAID'));
    if (!ref) {
      yield { line: ind.line, error: 'individual without REFERENCE_NUMBER or DATAID' };
      continue;
    }
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => textOf(child(ind, n))).filter(Boolean).join(' ');
    const aliases = children(ind, 'INDIVIDUAL_ALIAS').map((a) => textOf(child(a, 'ALIAS_NAME'))).filter(Boolean);
    const original = textOf(child(ind, 'NAME_ORIGINAL_SCRIPT'));
    const names = [...new Set([primary, ...aliases, original].filter(Boolean))];
    if (!names.length) {
      yield { line: ind.line, error: `individual ${ref} has no name` };
      continue;
    }
    const natNode = child(ind, 'NATIONALITY');
    const nationalities = [...new Set((natNode ? children(natNode, 'VALUE') : []).map((v) => countryCode(textOf(v))).filter(Boolean))];
    const g = textOf(child(ind, 'GENDER')).toLowerCase();
    const documents = children(ind, 'INDIVIDUAL_DOCUMENT')
      .map((d) => ({
        number: textOf(child(d, 'NUMBER')),
        issuingState: countryCode(textOf(child(d, 'ISSUING_COUNTRY')) || textOf(child(d, 'COUNTRY_OF_ISSUE'))),
        type: /passport/i.test(textOf(child(d, 'TYPE_OF_DOCUMENT'))) ? 'P' : 'I',
      }))
      .filter((d) => d.number.replace(/[^A-Za-z0-9]/g, '').length >= 5);
    const listType = textOf(child(ind, 'UN_LIST_TYPE'));
    const entry: PersonEntry = {
      kind: 'person',
      id: `un:${ref}`,
      source: 'un-sc',
      names,
      birthDates: birthDates(ind),
      nationalities,
      gender: g === 'male' ? 'M' : g === 'female' ? 'F' : '',
      reason: `UN Security Council sanctions (${listType || 'consolidated list'}): travel ban and asset freeze`,
      action: 'Refer to secondary inspection; notify the duty officer',
      reference: ref,
      documents,
    };
    yield { line: ind.line, entry };
  }
}
