import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { RawTrafficView, ReaderProblemView } from '../../../../electron/contract';
import { call, subscribe } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { codedText, readerProblemText } from '../../i18n/coded';
import { ReaderPills, useReaders } from '../officer/StatusStrip';

// The profile form carries the core's validation schema (zod): loaded with the technician's screen only,
// so the officer's start-up does not pay for it.
const ProfilesEditor = lazy(() => import('./ProfilesEditor').then((m) => ({ default: m.ProfilesEditor })));

export function ReaderSetup() {
  return (
    <div className="tech-grid">
      <Devices />
      <Suspense fallback={null}>
        <ProfilesEditor />
      </Suspense>
      <RawConsole />
    </div>
  );
}

function hexId(n: number | string | undefined): string {
  if (n === undefined) return '—';
  return typeof n === 'number' ? n.toString(16).padStart(4, '0') : n;
}

function Devices() {
  const i18n = useI18n();
  const { t } = i18n;
  const { readers } = useReaders();
  const { data, error, loading, reload } = useLoad(() => call('scanner.devices', {}));
  return (
    <Card title={t('devices.title')} id="devices-title" testId="devices">
      <div className="status-bar">
        <ReaderPills readers={readers} />
      </div>
      <button type="button" onClick={() => void reload()} disabled={loading} data-testid="devices-rescan">
        {t('devices.rescan')}
      </button>
      <ErrorNote error={error} />
      {data && (
        <>
          <h3>{t('devices.serial')}</h3>
          {data.serial.length === 0 ? (
            <p className="muted">{t('devices.noneSerial')}</p>
          ) : (
            <ul className="plain-list" data-testid="serial-devices">
              {data.serial.map((d) => (
                <li key={d.path}>
                  <span className="mono">{d.path}</span> {d.manufacturer ?? ''} {d.vendorId ? `${hexId(d.vendorId)}:${hexId(d.productId)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('devices.hid')}</h3>
          {data.hid.length === 0 ? (
            <p className="muted">{t('devices.noneHid')}</p>
          ) : (
            <ul className="plain-list">
              {data.hid.map((d, i) => (
                <li key={`${d.path ?? i}`}>
                  <span className="mono">
                    {hexId(d.vendorId)}:{hexId(d.productId)}
                  </span>{' '}
                  {d.manufacturer ?? ''} {d.product ?? ''}
                </li>
              ))}
            </ul>
          )}
          {data.problems.length > 0 && (
            <ul className="plain-list warn-text" data-testid="device-problems">
              {data.problems.map((p) => (
                <li key={p.code}>⚠ {codedText(i18n, 'devices.problem', p, p.message)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}

const MAX_LINES = 300;

type ConsoleLine = ({ kind: 'raw' } & RawTrafficView) | ({ kind: 'problem' } & ReaderProblemView);

/** Every byte the readers send and receive, as hex and as text, for setting up framing; and what was wrong with it. */
function RawConsole() {
  const i18n = useI18n();
  const { t } = i18n;
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const add = (l: ConsoleLine) => setLines((prev) => [...prev.slice(-(MAX_LINES - 1)), l]);
    const stopRaw = subscribe('scanner.raw', (r) => add({ kind: 'raw', ...r }));
    const stopProblems = subscribe('scanner.problem', (p) => add({ kind: 'problem', ...p }));
    return () => {
      stopRaw();
      stopProblems();
    };
  }, [paused]);
  const time = useMemo(() => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 }), []);
  return (
    <Card title={t('raw.title')} id="raw-title" className="raw-card" testId="raw-console">
      <div className="row">
        <button type="button" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? t('raw.resume') : t('raw.pause')}
        </button>
        <button type="button" onClick={() => setLines([])}>
          {t('raw.clear')}
        </button>
        <span className="muted small">{t('raw.count', { n: lines.length })}</span>
      </div>
      <div className="raw-log" tabIndex={0} role="log" aria-label={t('raw.title')} aria-live="off">
        {lines.length === 0 ? (
          <p className="muted">{t('raw.empty')}</p>
        ) : (
          <table className="table mono small">
            <thead>
              <tr>
                <th scope="col">{t('raw.time')}</th>
                <th scope="col">{t('raw.reader')}</th>
                <th scope="col">{t('raw.dir')}</th>
                <th scope="col">{t('raw.hex')}</th>
                <th scope="col">{t('raw.text')}</th>
              </tr>
            </thead>
            <tbody data-testid="raw-lines">
              {lines.map((l, i) =>
                l.kind === 'problem' ? (
                  <tr key={i} className="raw-problem" data-testid="raw-problem">
                    <td>{time.format(l.at)}</td>
                    <td>{l.readerId}</td>
                    <td>
                      <span aria-hidden="true">⚠</span>
                      <span className="visually-hidden">{t('raw.problem')}</span>
                    </td>
                    <td colSpan={2} className="raw-text">
                      {readerProblemText(i18n, l)}
                      {l.suppressed > 0 && <span className="muted"> {t('raw.suppressed', { n: l.suppressed })}</span>}
                    </td>
                  </tr>
                ) : (
                  <tr key={i}>
                    <td>{time.format(l.at)}</td>
                    <td>{l.readerId}</td>
                    <td>{l.direction === 'in' ? '←' : '→'}</td>
                    <td className="raw-hex">{l.hex}</td>
                    <td className="raw-text">{l.text}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
