import { issueMessageId, type MrzIssue, type MrzResult } from '../mrz';
import type { CheckState, CodedMessage, TravellerRead } from '../../contract/schemas';

/** Whole years between a `YYYY-MM-DD` birth date and today (UTC), or null when unknown. */
export function ageOn(birthDate: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age--;
  return age >= 0 && age < 150 ? age : null;
}

/** Days from today until expiry (negative when expired), or null when unknown. */
export function daysUntil(expiryDate: string, today: Date): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiryDate)) return null;
  const expiry = Date.parse(`${expiryDate}T00:00:00Z`);
  if (Number.isNaN(expiry)) return null;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((expiry - start) / 86_400_000);
}

/** An issue as a message id with everything its sentence names, for translation on screen. */
function issueCode(i: MrzIssue): CodedMessage {
  return { code: issueMessageId(i), params: { field: i.field, line: i.line, position: i.position, ...i.params } };
}

export function zoneCheck(mrz: MrzResult): TravellerRead['checks']['zone'] {
  // Expiry has its own check; the zone check is about what the reader gave.
  const shown = mrz.warnings.filter((w) => w.field !== 'expiryDate');
  const errors = mrz.errors.map((e) => e.message);
  const warnings = shown.map((w) => w.message);
  return { state: !mrz.valid ? 'fail' : warnings.length ? 'warn' : 'pass', errors, warnings, errorCodes: mrz.errors.map(issueCode), warningCodes: shown.map(issueCode) };
}

/** A document valid on the day of travel passes; one expiring within 30 days is flagged for attention. */
export function expiryCheck(mrz: MrzResult, today: Date): { state: CheckState; daysLeft: number | null } {
  const daysLeft = daysUntil(mrz.expiryDate, today);
  if (daysLeft === null) return { state: 'unknown', daysLeft };
  return { state: daysLeft < 0 ? 'fail' : daysLeft <= 30 ? 'warn' : 'pass', daysLeft };
}

/** Minors travelling are a trafficking indicator worth a second look, never a refusal by themselves. */
export function ageCheck(age: number | null): { state: CheckState; minor: boolean } {
  if (age === null) return { state: 'unknown', minor: false };
  return { state: age < 18 ? 'warn' : 'pass', minor: age < 18 };
}
