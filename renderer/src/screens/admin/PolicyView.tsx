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
            <NumberSetting
              label={t('policy.idleLock')}
              help={t('policy.idleLockHelp')}
              id="policy-idle"
              min={0.1}
              max={240}
              step="any"
              value={form.idleLockMinutes}
              onChange={(idleLockMinutes) => setForm({ ...form, idleLockMinutes })}
            />
            <NumberSetting
              label={t('policy.retention')}
              help={t('policy.retentionHelp')}
              id="policy-retention"
              min={1}
              max={3650}
              step={1}
              value={form.retentionDays}
              onChange={(retentionDays) => setForm({ ...form, retentionDays })}
            />
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

/** A labelled number input with its explanation; `id` is also the test id. */
function NumberSetting(p: { label: string; help: string; id: string; min: number; max: number; step: number | 'any'; value: number; onChange: (v: number) => void }) {
  return (
    <>
      <label className="stack">
        {p.label}
        <input type="number" min={p.min} max={p.max} step={p.step} required value={p.value} onChange={(e) => p.onChange(Number(e.target.value))} aria-describedby={`${p.id}-help`} data-testid={p.id} />
      </label>
      <p className="muted small" id={`${p.id}-help`}>
        {p.help}
      </p>
    </>
  );
}
