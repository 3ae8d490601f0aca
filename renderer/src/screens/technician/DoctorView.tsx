import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useLoad } from '../../components/useLoad';
import type { DoctorCheckView } from '../../../../electron/contract';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n';
import { codedText } from '../../i18n/coded';

/** `checkpoint doctor` on screen: each check with what to do when it fails. */
export function DoctorView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading, reload } = useLoad(() => call('doctor.run', {}));
  /** A check in the screen's language from its code; the core's English for a code we do not know. */
  const say = (c: DoctorCheckView) => {
    const params = { ...c.params };
    // A failed pull names its error by code: say that error in the screen's language too.
    const errorKey = `error.${c.params.errorCode}`;
    if (c.params.errorCode && isMessageKey(errorKey)) params.error = t(errorKey as MessageKey);
    const nameKey = `doctor.name.${c.code?.split('.')[0]}`;
    return {
      name: isMessageKey(nameKey) ? t(nameKey as MessageKey) : c.name,
      detail: codedText(i18n, 'doctor.check', c.code ? { code: c.code, params } : null, c.detail),
      fix: c.fix ? codedText(i18n, 'doctor.fixFor', c.code ? { code: c.code, params } : null, c.fix) : undefined,
    };
  };
  const failed = data?.filter((c) => !c.ok).length ?? 0;
  const state = (c: DoctorCheckView) => (c.ok ? 'pass' : c.level === 'warn' ? 'warn' : 'fail');
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
          {data.map((c) => {
            const s = say(c);
            return (
              <li key={c.name} className={`check ${{ pass: 'check-ok', warn: 'check-warn', fail: 'check-bad' }[state(c)]}`} data-testid="doctor-check">
                <span aria-hidden="true" className="check-icon">
                  {{ pass: '✔', warn: '!', fail: '✖' }[state(c)]}
                </span>
                <span>
                  <strong>{s.name}</strong> <span className="visually-hidden">{t(`check.state.${state(c)}`)}</span>— {s.detail}
                  {!c.ok && s.fix && <span className="check-detail">{t('doctor.fix', { fix: s.fix })}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
