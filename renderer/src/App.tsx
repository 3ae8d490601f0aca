import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../../electron/contract';
import { call, SESSION_STALE_EVENT, subscribe } from './api';
import { ErrorNote } from './components/ErrorNote';
import { forgetSections } from './components/useSection';
import { useIdleLock } from './idle';
import { useI18n } from './i18n';
import { markUsable } from './metrics';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { Shell } from './screens/Shell';

/**
 * Who is at the screen decides what it shows: nobody → sign in; a temporary password → change it;
 * locked → the lock screen alone (nothing of a traveller stays on the page);
 * otherwise the screens of that person's role, and only those.
 */
export function App() {
  const { t } = useI18n();
  // undefined = not known yet (first call in flight)
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [bootError, setBootError] = useState<unknown>(null);
  // First run: no account exists yet, so the sign-in would be a dead end.
  const [setupNeeded, setSetupNeeded] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const current = await call('session.current', {});
      setSetupNeeded(current ? false : (await call('app.info', {})).setupNeeded);
      setSession(current);
      setBootError(null);
    } catch (e) {
      setBootError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
    // The payload may concern another window; the core's answer for this one is what counts.
    const off = subscribe('session.changed', () => void refresh());
    const stale = () => void refresh();
    window.addEventListener(SESSION_STALE_EVENT, stale);
    return () => {
      off();
      window.removeEventListener(SESSION_STALE_EVENT, stale);
    };
  }, [refresh]);

  useEffect(() => {
    if (session !== undefined) markUsable();
    // Signed out (here or by the core): the next person starts on each screen's first section.
    if (session === null) forgetSections();
  }, [session]);

  const signedIn = !!session && !session.mustChangePassword;
  useIdleLock(signedIn && !session.locked, session?.idleLockMinutes ?? 0, () => void refresh());

  const signOut = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined);
    setSession(null);
  }, []);

  const setUp = useCallback((s: Session) => {
    setSetupNeeded(false);
    setSession(s);
  }, []);

  const lock = useCallback(async () => {
    try {
      setSession(await call('auth.lock', {}));
    } catch {
      void refresh();
    }
  }, [refresh]);

  if (session === undefined) {
    return (
      <main id="main" className="auth-page">
        {bootError ? <ErrorNote error={bootError} /> : <p className="muted">{t('app.starting')}</p>}
      </main>
    );
  }
  if (session === null && setupNeeded) return <SetupScreen onDone={setUp} onAlreadySetUp={() => void refresh()} />;
  if (session === null) return <LoginScreen onSignedIn={setSession} />;
  if (session.mustChangePassword) return <ChangePasswordScreen session={session} onChanged={setSession} onSignOut={signOut} />;
  // Locked: the role's screens are unmounted, so no traveller data stays in the page (the core drops the
  // undecided read too); after unlocking the officer scans the document again.
  if (session.locked) return <LockScreen session={session} onUnlocked={setSession} onSignOut={signOut} />;
  return <Shell session={session} onSignOut={signOut} onLock={lock} />;
}
