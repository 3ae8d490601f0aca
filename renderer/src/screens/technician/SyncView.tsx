import { useEffect, useState, type FormEvent } from 'react';
import type { SyncConfigView, SyncStatusView } from '../../../../electron/contract';
import { call, subscribe } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { isMessageKey, useI18n } from '../../i18n';
import { codedText } from '../../i18n/coded';
import { syncHeadline } from './syncHeadline';

export function SyncView() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  /** The last error in the screen's language from its code, and which list stays in use; else the core's English. */
  const lastErrorText = (s: SyncStatusView) => {
    const english = s.lastError ?? '';
    if (!s.lastErrorCode || !isMessageKey(`error.${s.lastErrorCode}`)) return english;
    return `${codedText(i18n, 'error', { code: s.lastErrorCode }, english)} ${s.version === null ? t('sync.noListInUse') : t('sync.listInUse', { version: s.version })}`;
  };
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [config, setConfig] = useState<SyncConfigView | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('sync.status', {}).then(setStatus, setError);
    call('sync.config.get', {}).then(setConfig, setError);
    return subscribe('sync.status', setStatus);
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!config) return;
    setError(null);
    setSaved(false);
    try {
      setConfig(
        await call('sync.config.set', {
          url: config.url?.trim() || null,
          rootPath: config.rootPath?.trim() || null,
          intervalMinutes: config.intervalMinutes,
          staleAfterHours: config.staleAfterHours,
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  async function pull() {
    setBusy(true);
    setError(null);
    try {
      setStatus(await call('sync.pullNow', {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const headline = status && syncHeadline(status);
  return (
    <div className="two-col">
      <Card title={t('sync.status')} id="sync-status-title" testId="sync-status">
        {status && headline && (
          <dl className="fields one">
            <div className="field">
              <dt>{t('sync.version')}</dt>
              <dd>{status.version ?? '—'}</dd>
            </div>
            <div className="field">
              <dt>{t('sync.published')}</dt>
              <dd>{dateTime(status.publishedAt)}</dd>
            </div>
            <div className="field">
              <dt>{t('sync.checked')}</dt>
              <dd>{dateTime(status.checkedAt)}</dd>
            </div>
            <div className="field">
              <dt>{t('sync.next')}</dt>
              <dd>{dateTime(status.nextAttemptAt)}</dd>
            </div>
            <div className="field field-full">
              <dt>{t('sync.state')}</dt>
              <dd className={headline.tone === 'muted' ? 'muted' : `${headline.tone}-text`} data-testid="sync-state" data-state={headline.state}>
                {headline.icon && <span aria-hidden="true">{headline.icon} </span>}
                {t(headline.key)}
              </dd>
            </div>
          </dl>
        )}
        {status?.lastError && (
          <p className="error" data-testid="sync-error">
            <span aria-hidden="true">⚠ </span>
            {t('sync.lastError', { error: lastErrorText(status) })}
          </p>
        )}
        <button type="button" className="primary" onClick={() => void pull()} disabled={busy || status?.running} data-testid="sync-pull">
          {t('sync.pullNow')}
        </button>
      </Card>
      <Card title={t('sync.settings')} id="sync-settings-title" testId="sync-settings">
        {config && (
          <form onSubmit={save} className="stack-form">
            <label className="stack">
              {t('sync.url')}
              <input type="url" value={config.url ?? ''} onChange={(e) => setConfig({ ...config, url: e.target.value })} placeholder="https://lists.example.org/watchlist/" data-testid="sync-url" />
            </label>
            <label className="stack">
              {t('sync.rootPath')}
              <input value={config.rootPath ?? ''} onChange={(e) => setConfig({ ...config, rootPath: e.target.value })} data-testid="sync-root" />
            </label>
            <label className="stack">
              {t('sync.interval')}
              <input type="number" min={5} max={1440} value={config.intervalMinutes} onChange={(e) => setConfig({ ...config, intervalMinutes: Number(e.target.value) })} />
            </label>
            <label className="stack">
              {t('sync.staleAfter')}
              <input type="number" min={1} max={8760} value={config.staleAfterHours} onChange={(e) => setConfig({ ...config, staleAfterHours: Number(e.target.value) })} />
            </label>
            <button type="submit" className="primary" data-testid="sync-save">
              {t('common.save')}
            </button>
            {saved && (
              <p className="ok-text" role="status">
                ✔ {t('common.saved')}
              </p>
            )}
          </form>
        )}
      </Card>
      <ErrorNote error={error} />
    </div>
  );
}
