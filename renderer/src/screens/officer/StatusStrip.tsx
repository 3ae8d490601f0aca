import { useEffect, useState } from 'react';
import type { ScannerStatusView, ShiftCounters, WatchlistStatusView } from '../../../../electron/contract';
import { call, subscribe } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { codedText } from '../../i18n/coded';

const STATE_ICON: Record<ScannerStatusView['state'], string> = { connected: '●', connecting: '◐', disconnected: '○', error: '✖' };

/** Readers as the core reports them, kept live by `scanner.status` events. */
export function useReaders() {
  const [readers, setReaders] = useState<ScannerStatusView[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('scanner.status', {}).then(setReaders, setError);
    return subscribe('scanner.status', (s) => setReaders((prev) => [...prev.filter((r) => r.readerId !== s.readerId), s].sort((a, b) => a.readerId.localeCompare(b.readerId))));
  }, []);
  return { readers, error };
}

/** The list in use; re-read every minute (its age moves) and when sync reports a change. */
export function useWatchlistStatus() {
  const [status, setStatus] = useState<WatchlistStatusView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const load = () => call('watchlist.status', {}).then((s) => (setStatus(s), setError(null)), setError);
    void load();
    const timer = window.setInterval(load, 60_000);
    const off = subscribe('sync.status', () => void load());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, []);
  return { status, error };
}

export function ReaderPills({ readers }: { readers: ScannerStatusView[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (readers.length === 0) return <span className="pill pill-muted">{t('reader.none')}</span>;
  return (
    <>
      {readers.map((r) => {
        // The core's sentence in the screen's language (its English only for a code we do not know).
        const message = r.message ? codedText(i18n, 'readerStatus', r.code ? { code: r.code, params: r.params } : null, r.message) : '';
        return (
          <span key={r.readerId} className={`pill pill-${r.state}`} data-testid="reader-status" title={message}>
            <span aria-hidden="true">{STATE_ICON[r.state]}</span> {t('reader.status')} {r.label}: {t(`reader.${r.state}` as MessageKey)}
            {r.state !== 'connected' && message ? <span className="pill-detail"> — {message}</span> : null}
          </span>
        );
      })}
    </>
  );
}

export function WatchlistPill({ status }: { status: WatchlistStatusView | null }) {
  const { t, number } = useI18n();
  const ageText = (h: number) =>
    h < 1 ? t('age.minutes', { n: number(Math.max(1, Math.round(h * 60)), 0) }) : h < 48 ? t('age.hours', { n: number(h, 0) }) : t('age.days', { n: number(h / 24, 0) });
  if (!status) return null;
  if (status.version === null) {
    return (
      <span className="pill pill-error" data-testid="watchlist-status">
        <span aria-hidden="true">✖</span> {t('watchlist.none')}
      </span>
    );
  }
  return (
    <span className={`pill ${status.stale ? 'pill-error' : 'pill-connected'}`} data-testid="watchlist-status">
      <span aria-hidden="true">{status.stale ? '⚠' : '●'}</span>{' '}
      {t('watchlist.version', { version: status.version, age: status.ageHours === null ? '—' : ageText(status.ageHours) })}
    </span>
  );
}

/** The stale-list banner: screening against an old list must be a conscious choice, not a surprise. */
export function StaleBanner({ status }: { status: WatchlistStatusView | null }) {
  const { t, number } = useI18n();
  if (!status || (status.version !== null && !status.stale)) return null;
  return (
    <div className="banner banner-bad" role="alert" data-testid="stale-banner">
      <span aria-hidden="true">⚠ </span>
      {status.version === null
        ? t('watchlist.noneBanner')
        : t('watchlist.staleBanner', { age: number(status.ageHours ?? 0, 0), limit: number(status.staleAfterHours, 0) })}
    </div>
  );
}

export function Counters({ counters }: { counters: ShiftCounters | null }) {
  const { t, number } = useI18n();
  if (!counters) return null;
  const items: Array<[MessageKey, number, string]> = [
    ['counters.total', counters.total, 'total'],
    ['counters.admit', counters.admit, 'admit'],
    ['counters.refer', counters.refer, 'refer'],
    ['counters.refuse', counters.refuse, 'refuse'],
    ['counters.hits', counters.hits, 'hits'],
  ];
  return (
    <dl className="counters" aria-label={t('counters.title')} data-testid="counters">
      {items.map(([label, value, key]) => (
        <div key={key} className={`counter counter-${key}`}>
          <dt>{t(label)}</dt>
          <dd data-counter={key}>{number(value, 0)}</dd>
        </div>
      ))}
    </dl>
  );
}
