import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Session } from '../../../electron/contract';
import { call } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';
import { useI18n } from '../i18n';

const MIN_LENGTH = 10;

/** First sign-in (or after a reset): nothing else works until the temporary password is replaced. */
export function ChangePasswordScreen({ session, onChanged, onSignOut }: { session: Session; onChanged(s: Session): void; onSignOut(): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const problem = next && [...next].length < MIN_LENGTH ? t('password.tooShort', { n: MIN_LENGTH }) : repeat && next !== repeat ? t('password.mismatch') : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (problem || !next) return;
    try {
      onChanged(await call('auth.changePassword', { currentPassword: current, newPassword: next }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <main id="main" className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="pw-title" data-testid="change-password">
        <div className="auth-top">
          <h1 id="pw-title">{t('password.title')}</h1>
          <LanguageSelect />
        </div>
        <p className="muted">{t('password.intro', { name: session.displayName })}</p>
        <label className="stack">
          {t('password.current')}
          <input ref={ref} name="current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label className="stack">
          {t('password.new')}
          <input name="new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required aria-describedby="pw-rule" />
        </label>
        <p id="pw-rule" className="muted small">
          {t('password.rule', { n: MIN_LENGTH })}
        </p>
        <label className="stack">
          {t('password.repeat')}
          <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
        </label>
        {problem && (
          <p className="warn-text" role="status">
            {problem}
          </p>
        )}
        <ErrorNote error={error} />
        <div className="row">
          <button className="primary" type="submit" disabled={!!problem || !next || !repeat}>
            {t('password.submit')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
