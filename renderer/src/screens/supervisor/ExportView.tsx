import { useState } from 'react';
import type { VerifyResult } from '../../../../electron/contract';
import { call } from '../../api';
import { downloadBase64 } from '../../components/download';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import type { Range } from '../../components/TimeRange';
import { useI18n } from '../../i18n';

export function ExportView({ range }: { range?: Range }) {
  const { t, number } = useI18n();
  const [done, setDone] = useState<{ fileName: string; rows: number; sha256: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function exportAs(format: 'csv' | 'pdf') {
    if (!range) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('export.shift', { from: range.from, to: range.to, format });
      downloadBase64(r.fileName, r.mimeType, r.dataBase64);
      setDone({ fileName: r.fileName, rows: r.rows, sha256: r.sha256 });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="two-col">
      {range && (
        <Card title={t('export.title')} id="export-title" testId="export">
          <p className="muted">{t('export.intro')}</p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void exportAs('csv')} data-testid="export-csv">
              {t('export.csv')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void exportAs('pdf')} data-testid="export-pdf">
              {t('export.pdf')}
            </button>
          </div>
          <ErrorNote error={error} />
          {done && (
            <p className="check check-ok" role="status" data-testid="export-done">
              <span aria-hidden="true">✔ </span>
              <span>
                {t('export.done', { file: done.fileName, rows: number(done.rows, 0) })}
                <span className="mono small block">SHA-256 {done.sha256}</span>
              </span>
            </p>
          )}
        </Card>
      )}
      <ChainVerify />
    </div>
  );
}

/** Re-walks the audit chain in the core and says plainly whether the log is intact. */
export function ChainVerify() {
  const { t, number } = useI18n();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('log.verify', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('verify.title')} id="verify-title" testId="verify">
      <p className="muted">{t('verify.intro')}</p>
      <button type="button" className="primary" onClick={() => void verify()} disabled={busy} data-testid="verify-run">
        {t('verify.run')}
      </button>
      <ErrorNote error={error} />
      {result && (
        <div className={`check ${result.ok ? 'check-ok' : 'check-bad'}`} role="status" data-testid="verify-result">
          <span aria-hidden="true">{result.ok ? '✔' : '✖'} </span>
          <span>
            {result.ok ? t('verify.ok', { n: number(result.checked, 0) }) : t('verify.broken', { seq: result.firstBroken?.seq ?? '?', reason: result.firstBroken?.reason ?? '' })}
            {result.head && <span className="mono small block">{t('verify.head', { seq: result.head.seq, hash: result.head.hash })}</span>}
          </span>
        </div>
      )}
    </Card>
  );
}
