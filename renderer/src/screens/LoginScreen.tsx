import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Session } from '../../../electron/contract';
import { call } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';
import { useI18n } from '../i18n';

/** Sign in. Wrong passwords and lockouts are explained; which accounts exist is not revealed. */
export function LoginScreen({ onSignedIn }: { onSignedIn(s: Session): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  useEffect(() => userRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const session = await call('auth.login', { username, password });
      setPassword('');
      onSignedIn(session);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="login-title" data-testid="login">
        <div className="auth-top">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSelect />
        </div>
        <p className="muted">{t('login.intro')}</p>
        <label className="stack">
          {t('login.username')}
          <input ref={userRef} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label className="stack">
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorNote error={error} testId="login-error" />
        <button className="primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
