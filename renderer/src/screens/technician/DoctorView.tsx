import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';

/** `checkpoint doctor` on screen: each check with what to do when it fails. */
export function DoctorView() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useLoad(() => call('doctor.run', {}));
  const failed = data?.filter((c) => !c.ok).length ?? 0;
  return (
    <Card title={t('doctor.title')} id="doctor-title" testId="doctor">
      <div className="row">
        <button type="button" onClick={() => void reload()} disabled={loading} data-testid="doctor-run">
          {t('doctor.run')}
        </button>
        {data && (
          <span role="status" className={failed ? 'warn-text' : 'ok-text'}>
            {failed ? t('doctor.someFailed', { n: failed }) : t('doctor.allOk')}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
      {data && (
        <ul className="checks doctor-list">
          {data.map((c) => (
            <li key={c.name} className={`check ${c.ok ? 'check-ok' : 'check-bad'}`} data-testid="doctor-check">
              <span aria-hidden="true" className="check-icon">
                {c.ok ? '✔' : '✖'}
              </span>
              <span>
                <strong>{c.name}</strong> <span className="visually-hidden">{c.ok ? t('check.state.pass') : t('check.state.fail')}</span>— {c.detail}
                {!c.ok && c.fix && <span className="check-detail">{t('doctor.fix', { fix: c.fix })}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
