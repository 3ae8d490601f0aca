import { useState, type FormEvent } from 'react';
import type { FieldChange, InspectionDetail, InspectionRecord, RecordVersion } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import type { Range } from '../../components/TimeRange';
import { useI18n, type MessageKey } from '../../i18n';
import { reasonKey } from '../officer/reasons';

type Decision = 'admit' | 'refer' | 'refuse';

export function useReasonText() {
  const { t } = useI18n();
  return (code: string) => {
    const key = reasonKey(code);
    return key ? t(key) : code;
  };
}

export function SearchView({ range }: { range: Range }) {
  const { t, dateTime } = useI18n();
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<Decision | ''>('');
  const [hitsOnly, setHitsOnly] = useState(false);
  const [result, setResult] = useState<{ records: InspectionRecord[]; truncated: boolean } | null>(null);
  const [detail, setDetail] = useState<InspectionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function search(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      setResult(
        await call('inspection.search', {
          from: range.from,
          to: range.to,
          ...(text.trim() ? { text: text.trim() } : {}),
          ...(decision ? { decision } : {}),
          ...(hitsOnly ? { hitsOnly } : {}),
          limit: 200,
        }),
      );
      setDetail(null);
    } catch (err) {
      setError(err);
    }
  }

  async function open(id: string) {
    try {
      setDetail(await call('inspection.get', { id }));
      requestAnimationFrame(() => document.getElementById('detail-title')?.focus());
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="search" data-testid="search">
      <form className="row wrap" onSubmit={search} role="search" aria-label={t('supervisor.search')}>
        <label>
          {t('search.text')} <input value={text} onChange={(e) => setText(e.target.value)} data-testid="search-text" />
        </label>
        <label>
          {t('search.decision')}{' '}
          <select value={decision} onChange={(e) => setDecision(e.target.value as Decision | '')}>
            <option value="">{t('search.any')}</option>
            <option value="admit">{t('decision.admit')}</option>
            <option value="refer">{t('decision.refer')}</option>
            <option value="refuse">{t('decision.refuse')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={hitsOnly} onChange={(e) => setHitsOnly(e.target.checked)} /> {t('search.hitsOnly')}
        </label>
        <button type="submit" className="primary" data-testid="search-submit">
          {t('search.submit')}
        </button>
      </form>
      <ErrorNote error={error} />
      {result && (
        <Card title={t('search.results', { n: result.records.length })} id="results-title">
          {result.truncated && <p className="warn-text">{t('search.truncated')}</p>}
          {result.records.length === 0 ? (
            <p className="muted">{t('search.none')}</p>
          ) : (
            <table className="table" data-testid="results">
              <thead>
                <tr>
                  <th scope="col">{t('record.time')}</th>
                  <th scope="col">{t('record.officer')}</th>
                  <th scope="col">{t('record.traveller')}</th>
                  <th scope="col">{t('field.nationality')}</th>
                  <th scope="col">{t('record.decision')}</th>
                  <th scope="col">{t('dashboard.hits')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('search.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.records.map((r) => (
                  <tr key={r.id} className={r.correctedBy ? 'superseded' : ''}>
                    <td>{dateTime(r.time)}</td>
                    <td>{r.officer}</td>
                    <td>{r.document.fields ? `${r.document.fields.surname}, ${r.document.fields.givenNames} · ${r.document.fields.documentNumber}` : t('record.purged')}</td>
                    <td>{r.document.nationality}</td>
                    <td>
                      <span className={`tag tag-${r.decision}`}>{t(`decision.${r.decision}` as MessageKey)}</span>
                    </td>
                    <td>{r.checks.hitCount > 0 ? <span className="tag tag-refuse">⛔ {r.checks.hitCount}</span> : r.checks.possibleCount > 0 ? `⚠ ${r.checks.possibleCount}` : '—'}</td>
                    <td>
                      <button type="button" onClick={() => void open(r.id)} data-testid="open-record">
                        {t('search.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      {detail && <RecordDetail detail={detail} onOpen={(id) => void open(id)} />}
    </div>
  );
}

function RecordDetail({ detail: full, onOpen }: { detail: InspectionDetail; onOpen(id: string): void }) {
  const { t, dateTime } = useI18n();
  const reasonText = useReasonText();
  const detail = full.record;
  return (
        <section className="card" aria-labelledby="detail-title" data-testid="record-detail">
          <h2 id="detail-title" tabIndex={-1}>
            {t('record.detail')} #{detail.seq}
            {detail.correctedBy && (
              <>
                {' '}
                <span className="tag tag-refer" data-testid="corrected-mark">
                  {t('corrections.corrected')}
                </span>
              </>
            )}
          </h2>
          <dl className="fields">
            {(
              [
                ['record.time', dateTime(detail.time)],
                ['record.officer', detail.officer],
                ['record.workstation', `${detail.workstation} · ${detail.site}`],
                ['record.decision', t(`decision.${detail.decision}` as MessageKey)],
                ['decision.reason', detail.reason ? reasonText(detail.reason) : '—'],
                ['decision.notes', detail.notes === null ? t('record.purged') : detail.notes || '—'],
                ['field.surname', detail.document.fields?.surname ?? t('record.purged')],
                ['field.givenNames', detail.document.fields?.givenNames ?? t('record.purged')],
                ['field.documentNumber', detail.document.fields?.documentNumber ?? t('record.purged')],
                ['field.nationality', detail.document.nationality],
                ['record.source', t(`source.${detail.document.source}` as MessageKey)],
                ['record.zone', detail.checks.zoneValid ? t('checks.zoneValid') : `${t('checks.zoneInvalid')} ${detail.checks.zoneErrors.join(', ')}`],
                ['record.expiry', t(`record.expiry.${detail.checks.expiry}` as MessageKey)],
                ['record.watchlist', `${detail.checks.watchlistVersion === null ? t('watchlist.none') : `v${detail.checks.watchlistVersion}`} · ${detail.checks.hits?.map((h) => `${h.id} (${h.band}, ${Math.round(h.score * 100)}%)`).join(', ') || t('record.noHits')}`],
                ['record.decisionTime', `${(detail.timings.ms / 1000).toFixed(1)} s`],
              ] as Array<[MessageKey, string]>
            ).map(([k, v]) => (
              <div className="field" key={k}>
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {detail.corrects && <p className="muted">{t('record.corrects', { id: detail.corrects, reason: detail.correctionReason ?? '' })}</p>}
          {detail.correctedBy && <p className="warn-text">{t('record.correctedBy', { id: detail.correctedBy })}</p>}
          {full.history.length > 1 && <CorrectionHistory history={full.history} shownId={detail.id} onOpen={onOpen} />}
          <h3>{t('record.audit')}</h3>
          <table className="table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('record.time')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {full.audit.map((a) => (
                <tr key={a.seq}>
                  <td>{a.seq}</td>
                  <td>{dateTime(a.at)}</td>
                  <td>{a.action}</td>
                  <td>{a.actor}</td>
                  <td className="mono">{a.hash.slice(0, 16)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small mono">{t('record.hash', { hash: detail.hash })}</p>
        </section>
  );
}

const CHANGE_LABEL: Record<FieldChange['field'], MessageKey> = {
  time: 'record.time',
  decision: 'record.decision',
  reason: 'decision.reason',
  notes: 'decision.notes',
  documentCode: 'field.documentType',
  issuingState: 'field.issuingState',
  nationality: 'field.nationality',
  surname: 'field.surname',
  givenNames: 'field.givenNames',
  documentNumber: 'field.documentNumber',
  birthDate: 'field.birthDate',
  expiryDate: 'field.expiryDate',
  sex: 'field.sex',
  optionalData: 'field.optionalData',
};

/** Every version of the record, oldest first: the original (marked corrected) and each correction, who, when, why and what changed. */
function CorrectionHistory({ history, shownId, onOpen }: { history: RecordVersion[]; shownId: string; onOpen(id: string): void }) {
  const { t, dateTime } = useI18n();
  const reasonText = useReasonText();
  const value = (field: FieldChange['field'], v: string | null) => {
    if (v === null) return t('record.purged');
    if (v === '') return '—';
    if (field === 'time') return dateTime(v);
    if (field === 'decision') return t(`decision.${v}` as MessageKey);
    if (field === 'reason') return reasonText(v);
    return v;
  };
  return (
    <section aria-labelledby="corrections-title" data-testid="corrections">
      <h3 id="corrections-title">{t('corrections.title', { n: history.length - 1 })}</h3>
      <ol className="versions">
        {history.map((v, i) => (
          <li key={v.record.id} className={`version${v.record.correctedBy ? ' version-corrected' : ''}`} data-testid="version" data-record-id={v.record.id}>
            <p className="version-head">
              <strong>{i === 0 ? t('corrections.original', { seq: v.record.seq }) : t('corrections.correction', { seq: v.record.seq })}</strong>{' '}
              <span className="muted">{t('corrections.byWhen', { actor: v.actor, time: dateTime(v.at) })}</span>{' '}
              <span className={`tag tag-${v.record.decision}`}>{t(`decision.${v.record.decision}` as MessageKey)}</span>{' '}
              {v.record.correctedBy ? (
                <span className="tag tag-refer">{t('corrections.corrected')}</span>
              ) : (
                <span className="tag tag-admit">{t('corrections.latest')}</span>
              )}
              {v.record.id === shownId ? (
                <span className="muted"> {t('corrections.shown')}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onOpen(v.record.id)} data-testid="open-version">
                  {t('corrections.open', { seq: v.record.seq })}
                </button>
              )}
            </p>
            {i > 0 && (
              <>
                <p>{t('corrections.why', { reason: v.record.correctionReason ?? '—' })}</p>
                {v.changes.length === 0 ? (
                  <p className="muted">{t('corrections.noChange')}</p>
                ) : (
                  <table className="table changes" data-testid="changes">
                    <thead>
                      <tr>
                        <th scope="col">{t('corrections.field')}</th>
                        <th scope="col">{t('corrections.before')}</th>
                        <th scope="col">{t('corrections.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {v.changes.map((c) => (
                        <tr key={c.field} data-field-change={c.field}>
                          <th scope="row">{t(CHANGE_LABEL[c.field])}</th>
                          <td className="before">{value(c.field, c.from)}</td>
                          <td>{value(c.field, c.to)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
