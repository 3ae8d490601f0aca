import { useEffect, useState } from 'react';
import type { ScannedDocumentView, ScannerStatusView } from '../../../electron/contract';
import { call, subscribe } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';

/** The counter officer's screen: waits for a read, then shows the traveller and the checks. */
export function OfficerScreen() {
  const { t, date } = useI18n();
  const [doc, setDoc] = useState<ScannedDocumentView | null>(null);
  const [readers, setReaders] = useState<ScannerStatusView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('scanner.status', {}).then(setReaders, (e: Error) => setError(e.message));
    const offDoc = subscribe('scanner.document', (d) => setDoc(d));
    const offStatus = subscribe('scanner.status', (s) =>
      setReaders((prev) => [...prev.filter((r) => r.readerId !== s.readerId), s]),
    );
    return () => {
      offDoc();
      offStatus();
    };
  }, []);

  const m = doc?.mrz;
  const fields: Array<[MessageKey, string, string]> = m
    ? [
        ['field.surname', m.surname, 'surname'],
        ['field.givenNames', m.givenNames, 'givenNames'],
        ['field.documentNumber', m.documentNumber, 'documentNumber'],
        ['field.documentType', m.documentCode, 'documentCode'],
        ['field.nationality', m.nationality, 'nationality'],
        ['field.issuingState', m.issuingState, 'issuingState'],
        ['field.birthDate', date(m.birthDate), 'birthDate'],
        ['field.sex', m.sex, 'sex'],
        ['field.expiryDate', date(m.expiryDate), 'expiryDate'],
      ]
    : [];

  return (
    <main id="main" className="officer" aria-labelledby="officer-title">
      <section className="status-bar" aria-label={t('reader.status')}>
        {readers.length === 0 ? (
          <span className="pill pill-muted">{t('reader.none')}</span>
        ) : (
          readers.map((r) => (
            <span key={r.readerId} className={`pill pill-${r.state}`} data-testid="reader-status" title={r.message}>
              <span aria-hidden="true">{r.state === 'connected' ? '●' : '○'}</span> {t('reader.status')} {r.label}:{' '}
              {t(`reader.${r.state}` as MessageKey)}
            </span>
          ))
        )}
      </section>
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      {!m ? (
        <p className="waiting" data-testid="waiting">
          {t('officer.waiting')}
        </p>
      ) : (
        <div className="traveller-layout">
          <section className="card" aria-labelledby="officer-title">
            <h1 id="officer-title">{t('officer.traveller')}</h1>
            <dl className="fields" data-testid="traveller">
              {fields.map(([label, value, key]) => (
                <div key={key} className="field">
                  <dt>{t(label)}</dt>
                  <dd data-field={key}>{value || '—'}</dd>
                </div>
              ))}
            </dl>
            <pre className="zone" aria-label="MRZ">
              {doc!.lines.join('\n')}
            </pre>
          </section>
          <section className="card" aria-labelledby="checks-title">
            <h2 id="checks-title">{t('checks.title')}</h2>
            <ul className="checks">
              <li className={m.valid ? 'check check-ok' : 'check check-bad'} data-testid="check-zone">
                <span aria-hidden="true" className="check-icon">
                  {m.valid ? '✔' : '✖'}
                </span>
                {m.valid ? t('checks.zoneValid') : t('checks.zoneInvalid')}
              </li>
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}
