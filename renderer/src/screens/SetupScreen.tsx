import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Session } from '../../../electron/contract';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../electron/contract/passwordRules';
import { ApiError, call } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';
import { useI18n, type MessageKey } from '../i18n';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const PROBLEM_KEY = { too_short: 'password.tooShort', contains_username: 'password.containsUsername', repetitive: 'password.repetitive' } as const satisfies Record<string, MessageKey>;

/**
 * First run: the data folder has no account at all, so nobody could sign in. Creates the first
 * administrator (password typed twice, the core's own rules) and signs them in. The core refuses this
 * as soon as any account exists; then the screen falls back to the sign-in.
 */
export function SetupScreen({ onDone, onAlreadySetUp }: { onDone(s: Session): void; onAlreadySetUp(): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const name = username.trim().toLowerCase();
  const usernameProblem = name && !USERNAME.test(name) ? t('setup.badUsername') : null;
  const pwProblem = password ? passwordProblem(password, name) : null;
  const problem =
    usernameProblem ??
    (pwProblem ? t(PROBLEM_KEY[pwProblem], { n: MIN_PASSWORD_LENGTH }) : null) ??
    (repeat && password !== repeat ? t('password.mismatch') : null);
  const ready = !!name && !!password && !!repeat && !problem;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    try {
      const session = await call('setup.firstAdmin', { username: name, password, displayName: displayName.trim() || undefined });
      setPassword('');
      setRepeat('');
      onDone(session);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'setup_done') onAlreadySetUp();
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="setup-title" data-testid="first-run">
        <div className="auth-top">
          <h1 id="setup-title">{t('setup.title')}</h1>
          <LanguageSelect />
        </div>
        <p className="muted">{t('setup.intro')}</p>
        <label className="stack">
          {t('setup.username')}
          <input ref={ref} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required aria-describedby="setup-user-rule" />
        </label>
        <p id="setup-user-rule" className="muted small">
          {t('setup.usernameRule')}
        </p>
        <label className="stack">
          {t('setup.displayName')}
          <input name="displayName" autoComplete="name" value={displayName} maxLength={100} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label className="stack">
          {t('setup.password')}
          <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required aria-describedby="setup-pw-rule" />
        </label>
        <p id="setup-pw-rule" className="muted small">
          {t('password.rule', { n: MIN_PASSWORD_LENGTH })}
        </p>
        <label className="stack">
          {t('setup.repeat')}
          <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
        </label>
        {problem && (
          <p className="warn-text" role="status" data-testid="setup-problem">
            {problem}
          </p>
        )}
        <ErrorNote error={error} />
        <button className="primary" type="submit" disabled={!ready || busy} data-testid="setup-submit">
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
