import { ScannerProfileSchema } from '../../../../electron/contract/scannerProfiles';
import type { MessageKey } from '../../i18n';

/** A profile as edited: loose, since a half-filled form is not a valid profile yet. */
export type Profile = Record<string, unknown>;

export const asProfile = (p: unknown): Profile => (p && typeof p === 'object' && !Array.isArray(p) ? (p as Profile) : {});

export function getAt(obj: unknown, path: Array<string | number>): unknown {
  let v: unknown = obj;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** A copy of `obj` with the value at `path` replaced (undefined removes the key). */
export function setAt(obj: Profile, path: Array<string | number>, value: unknown): Profile {
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> = Array.isArray(obj) ? ([...obj] as never) : { ...obj };
  if (rest.length === 0) {
    if (value === undefined && !Array.isArray(copy)) delete copy[head!];
    else copy[head!] = value;
  } else {
    copy[head!] = setAt(asProfileOrArray(copy[head!], rest[0]), rest, value);
  }
  return copy as Profile;
}

const asProfileOrArray = (v: unknown, nextKey: string | number | undefined): Profile =>
  v && typeof v === 'object' ? (v as Profile) : ((typeof nextKey === 'number' ? [] : {}) as Profile);

/** One translated problem with a field, as the form shows it. */
export interface FieldProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  errors?: Issue[][];
}

const HEX_FIELDS = new Set(['hex', 'startCode', 'endCode']);

/** The zod issue, in words the technician's language has. */
function problemOf(issue: Issue, value: unknown): FieldProblem {
  const field = String(issue.path.at(-1) ?? '');
  if (value === undefined || (value === '' && issue.code === 'too_small')) return { key: 'profiles.err.required' };
  switch (issue.code) {
    case 'invalid_format':
      if (field === 'id') return { key: 'profiles.err.id' };
      if (HEX_FIELDS.has(field)) return { key: 'profiles.err.hex' };
      return { key: 'profiles.err.invalid' };
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'profiles.err.integer' : issue.expected === 'number' ? 'profiles.err.number' : 'profiles.err.invalid' };
    case 'too_small':
      return issue.origin === 'number' ? { key: 'profiles.err.min', vars: { n: Number(issue.minimum) } } : { key: 'profiles.err.required' };
    case 'too_big':
      return issue.origin === 'number' ? { key: 'profiles.err.max', vars: { n: Number(issue.maximum) } } : { key: 'profiles.err.tooLong', vars: { n: Number(issue.maximum) } };
    case 'invalid_value':
    case 'invalid_union':
      return issue.values?.length ? { key: 'profiles.err.oneOf', vars: { values: issue.values.map(String).join(', ') } } : { key: 'profiles.err.invalid' };
    default:
      return { key: 'profiles.err.invalid' };
  }
}

/**
 * Checks a profile with the core's own schema. Problems are keyed by field path ("port.path",
 * "writes.0.hex"); a union (the serial port: a path or USB ids) reports the branch being filled in.
 */
export function profileProblems(profile: Profile, others: Profile[] = []): Map<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  const r = ScannerProfileSchema.safeParse(profile);
  const add = (issue: Issue) => {
    const key = issue.path.map(String).join('.');
    if (!out.has(key)) out.set(key, problemOf(issue, getAt(profile, issue.path as Array<string | number>)));
  };
  if (!r.success) {
    for (const issue of r.error.issues as unknown as Issue[]) {
      if (issue.code === 'invalid_union' && issue.errors?.length && !issue.values) {
        const value = getAt(profile, issue.path as Array<string | number>);
        // The serial port: a path, or USB ids; the form says which is being filled in.
        const chosen = issue.path.join('.') === 'port' && issue.errors.length === 2 ? issue.errors[value && typeof value === 'object' && 'path' in value ? 0 : 1] : undefined;
        const branch = chosen ?? [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        for (const sub of branch) add({ ...sub, path: [...issue.path, ...sub.path] });
      } else add(issue);
    }
  }
  const id = profile.id;
  if (typeof id === 'string' && others.some((o) => o.id === id)) out.set('id', { key: 'profiles.err.duplicateId' });
  return out;
}
