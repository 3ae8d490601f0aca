import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { UserError } from '../app/errors';
import { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from '../../contract/passwordRules';

/**
 * scrypt password hashes, stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised
 * later without invalidating existing accounts. N = 2^15 costs ~32 MiB and tens of ms per attempt.
 */
export const DEFAULT_SCRYPT_N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEYLEN, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, n = DEFAULT_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, n, R, P);
  return ['scrypt', n, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scrypt(password, salt, n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export { MIN_PASSWORD_LENGTH };

const MESSAGES: Record<PasswordProblem, string> = {
  too_short: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
  contains_username: 'The password must not contain the username.',
  repetitive: 'The password is too repetitive; use a few different words.',
};

/** Length over composition rules (NIST 800-63B): long, not the username, not trivially repeated. */
export function checkPasswordPolicy(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new UserError('weak_password', MESSAGES[problem]);
}
