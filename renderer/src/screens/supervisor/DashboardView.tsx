import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import type { Range } from '../../components/TimeRange';
import { useLoad } from '../../components/useLoad';
import { useI18n, type MessageKey } from '../../i18n';

export function DashboardView({ range }: { range: Range }) {
  const { t, number } = useI18n();
  const { data: d, error, reload } = useLoad(() => call('inspection.dashboard', { from: range.from, to: range.to }), [range.from, range.to]);
  const secs = (ms: number | null) => (ms === null ? '—' : t('unit.seconds', { n: number(ms / 1000, 1) }));
  const tiles: Array<[MessageKey, string, string]> = d
    ? [
        ['dashboard.total', number(d.total, 0), 'total'],
        ['dashboard.throughput', number(d.throughputPerHour, 1), 'throughput'],
        ['decision.admit', number(d.decisions.admit, 0), 'admit'],
        ['decision.refer', number(d.decisions.refer, 0), 'refer'],
        ['decision.refuse', number(d.decisions.refuse, 0), 'refuse'],
        ['dashboard.hits', number(d.hits, 0), 'hits'],
        ['dashboard.possibleHits', number(d.possibleHits, 0), 'possible'],
        ['dashboard.invalidZones', number(d.invalidZones, 0), 'invalidZones'],
        ['dashboard.expired', number(d.expired, 0), 'expired'],
        ['dashboard.avgDecision', secs(d.avgDecisionMs), 'avg'],
      ]
    : [];
  return (
    <div data-testid="dashboard">
      <ErrorNote error={error} />
      <button type="button" onClick={() => void reload()}>
        {t('common.refresh')}
      </button>
      {d && (
        <>
          <dl className="tiles">
            {tiles.map(([label, value, key]) => (
              <div key={key} className={`tile tile-${key}`}>
                <dt>{t(label)}</dt>
                <dd data-tile={key}>{value}</dd>
              </div>
            ))}
          </dl>
          <Card title={t('dashboard.perOfficer')} id="per-officer-title">
            {d.perOfficer.length === 0 ? (
              <p className="muted">{t('dashboard.empty')}</p>
            ) : (
              <table className="table" data-testid="per-officer">
                <thead>
                  <tr>
                    <th scope="col">{t('record.officer')}</th>
                    <th scope="col">{t('dashboard.total')}</th>
                    <th scope="col">{t('decision.admit')}</th>
                    <th scope="col">{t('decision.refer')}</th>
                    <th scope="col">{t('decision.refuse')}</th>
                    <th scope="col">{t('dashboard.hits')}</th>
                    <th scope="col">{t('dashboard.avgDecision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.perOfficer.map((o) => (
                    <tr key={o.officer}>
                      <th scope="row">{o.officer}</th>
                      <td>{number(o.total, 0)}</td>
                      <td>{number(o.admit, 0)}</td>
                      <td>{number(o.refer, 0)}</td>
                      <td>{number(o.refuse, 0)}</td>
                      <td>{number(o.hits, 0)}</td>
                      <td>{secs(o.avgDecisionMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">{t('dashboard.versions', { versions: d.watchlistVersions.join(', ') || '—' })}</p>
          </Card>
        </>
      )}
    </div>
  );
}
