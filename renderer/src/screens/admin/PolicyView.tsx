import { useEffect, useState, type FormEvent } from 'react';
import type { PolicyView as Policy } from '../../../../electron/contract';
import { call, SESSION_STALE_EVENT } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';

/**
 * Workstation policy: how long a screen may stay unattended before it locks, and how long records
 * keep their personal data. Each change is a config.change entry in the audit chain.
 */
export function PolicyView() {
  const { t } = useI18n();
  const { data, error } = useLoad(() => call('policy.get', {}));
  const [form, setForm] = useState<Policy | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setForm(data);
  }, [data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setSaveError(null);
    setSaved(false);
    try {
      setForm(await call('policy.set', { idleLockMinutes: form.idleLockMinutes, retentionDays: form.retentionDays }));
      setSaved(true);
      // this screen's own idle timer follows the new time
      window.dispatchEvent(new Event(SESSION_STALE_EVENT));
    } catch (err) {
      setSaveError(err);
    }
  }

  return (
    <div className="policy-form">
      <Card title={t('policy.title')} id="policy-title" testId="policy">
        <ErrorNote error={error} />
        {form && (
          <form onSubmit={save} className="stack-form">
            <label className="stack">
              {t('policy.idleLock')}
              <input
                type="number"
                min={0.1}
                max={240}
                step="any"
                required
                value={form.idleLockMinutes}
                onChange={(e) => setForm({ ...form, idleLockMinutes: Number(e.target.value) })}
                aria-describedby="policy-idle-help"
                data-testid="policy-idle"
              />
            </label>
            <p className="muted small" id="policy-idle-help">
              {t('policy.idleLockHelp')}
            </p>
            <label className="stack">
              {t('policy.retention')}
              <input
                type="number"
                min={1}
                max={3650}
                step={1}
                required
                value={form.retentionDays}
                onChange={(e) => setForm({ ...form, retentionDays: Number(e.target.value) })}
                aria-describedby="policy-retention-help"
                data-testid="policy-retention"
              />
            </label>
            <p className="muted small" id="policy-retention-help">
              {t('policy.retentionHelp')}
            </p>
            <button type="submit" className="primary" data-testid="policy-save">
              {t('common.save')}
            </button>
            <ErrorNote error={saveError} />
            {saved && (
              <p className="ok-text" role="status">
                ✔ {t('common.saved')}
              </p>
            )}
          </form>
        )}
      </Card>
    </div>
  );
}
