import { useEffect } from 'react';
import type { Session } from '../../../electron/contract';
import { LanguageSelect } from '../components/LanguageSelect';
import { useI18n, type MessageKey } from '../i18n';
import { AdminScreen } from './admin/AdminScreen';
import { OfficerScreen } from './officer/OfficerScreen';
import { SupervisorScreen } from './supervisor/SupervisorScreen';
import { TechnicianScreen } from './technician/TechnicianScreen';

/** Header (who, language, lock, sign out) and the screens of the signed-in role. */
export function Shell({ session, onSignOut, onLock }: { session: Session; onSignOut(): void; onLock(): void }) {
  const { t } = useI18n();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && (e.key === 'l' || e.key === 'L' || e.code === 'KeyL')) {
        e.preventDefault();
        onLock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLock]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="who" data-testid="who">
          {session.displayName} · {t(`role.${session.role}` as MessageKey)}
          {session.site ? ` · ${session.site}` : ''}
        </span>
        <div className="header-actions">
          <LanguageSelect />
          <button type="button" onClick={onLock} data-testid="lock" aria-keyshortcuts="Alt+L">
            {t('shell.lock')} <kbd>Alt+L</kbd>
          </button>
          <button type="button" onClick={onSignOut} data-testid="sign-out">
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      {session.role === 'officer' && <OfficerScreen />}
      {session.role === 'supervisor' && <SupervisorScreen />}
      {session.role === 'technician' && <TechnicianScreen />}
      {session.role === 'admin' && <AdminScreen />}
    </>
  );
}
