/**
 * The password rules, in one place for the core (which enforces them) and the screens (which explain
 * them while the person types). Length over composition rules (NIST 800-63B).
 */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'contains_username' | 'repetitive';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return 'contains_username';
  if (new Set(password).size < 4) return 'repetitive';
  return null;
}
