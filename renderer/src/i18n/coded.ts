/**
 * Messages the core sends as a code with parameters (watchlist reasons, zone issues, reader status,
 * sync errors, doctor checks), said in the screen's language. The key is `<prefix>.<code>`; an unknown
 * code falls back to the core's English sentence, never to the bare code.
 *
 * Parameters are formatted for the locale: numbers with its digits and separators (`delta` signed),
 * `YYYY-MM-DD` dates as dates, ISO instants as local date and time, an empty value as "—", and a value that names a known key
 * `<prefix>.<param>.<value>` (a field, a match kind, a state) as that translation.
 */
import { isMessageKey, type I18n, type MessageKey } from './index';

export interface Coded {
  code: string;
  params?: Record<string, string | number>;
}

export function codedText(i18n: I18n, prefix: string, m: Coded | null | undefined, fallback: string): string {
  if (!m) return fallback;
  const key = `${prefix}.${m.code}`;
  if (!isMessageKey(key)) return fallback;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) vars[name] = formatParam(i18n, prefix, name, value);
  return i18n.t(key, vars);
}

function formatParam(i18n: I18n, prefix: string, name: string, value: string | number): string {
  if (typeof value === 'number') {
    if (name === 'delta') return new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
    // a name similarity (0–1) reads as a percentage
    if (name === 'score' && prefix === 'watchlist.reason') return new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
    return i18n.number(value, 2);
  }
  if (value === '') return '—';
  const named = `${prefix}.${name}.${value}`;
  if (isMessageKey(named)) return i18n.t(named as MessageKey);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.date(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return i18n.dateTime(value);
  return value;
}

/** An MRZ issue as the parser gives it (`mrz.parse`): its message id is the code refined by `params.variant`. */
export function mrzIssueText(i18n: I18n, issue: { field: string; code: string; message: string; line: number; position: number; params?: Record<string, string | number> }): string {
  const variant = issue.params?.variant;
  const code = variant ? `${issue.code}.${variant}` : issue.code;
  return codedText(i18n, 'mrz', { code, params: { field: issue.field, line: issue.line, position: issue.position, ...issue.params } }, issue.message);
}

/**
 * A reader problem (bad frame, noise, a hot-folder scan that failed) or a test read's outcome, from its
 * `readerProblem.<code>`; the core's English when the code is unknown. For the raw console and the
 * profile editor's test read (`problem` next to `error`).
 */
export function readerProblemText(i18n: I18n, p: { code: string; params?: Record<string, string | number>; message: string } | null | undefined, fallback = p?.message ?? ''): string {
  return codedText(i18n, 'readerProblem', p ? { code: p.code, params: p.params ?? {} } : null, fallback);
}
