import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Session } from '../../../electron/contract';
import { call } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';
import { useI18n } from '../i18n';

/** The idle lock: covers everything (the screen underneath is inert) until the password is entered. */
export function LockScreen({ session, onUnlocked, onSignOut }: { session: Session; onUnlocked(s: Session): void; onSignOut(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const s = await call('auth.unlock', { password });
      setPassword('');
      onUnlocked(s);
    } catch (err) {
      setPassword('');
      setError(err);
    }
  }

  return (
    <main id="main" className="auth-page lock-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="lock-title" data-testid="lock-screen">
        <div className="auth-top">
          <h1 id="lock-title">
            <span aria-hidden="true">🔒 </span>
            {t('lock.title')}
          </h1>
          <LanguageSelect />
        </div>
        <p>{t('lock.intro', { name: session.displayName })}</p>
        <label className="stack">
          {t('login.password')}
          <input ref={ref} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorNote error={error} />
        <div className="row">
          <button className="primary" type="submit">
            {t('lock.unlock')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('lock.switchUser')}
          </button>
        </div>
      </form>
    </main>
  );
}
