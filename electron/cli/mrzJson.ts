import type { MrzIssue, MrzResult } from '../core/mrz';

/**
 * The CLI's JSON keeps the issue fields it always had (field, code, message, line, position): the
 * `params` the core adds for translated screens stay out of it.
 */
export function cliIssue({ params: _params, ...issue }: MrzIssue): MrzIssue {
  return issue;
}

export function cliMrz<T extends Pick<MrzResult, 'errors' | 'warnings'>>(r: T): T {
  return { ...r, errors: r.errors.map(cliIssue), warnings: r.warnings.map(cliIssue) };
}
