import type { CheckState, HitView, TravellerRead } from '../../../../electron/contract';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n';
import { codedText } from '../../i18n/coded';

const DOC_TYPES: Record<string, MessageKey> = { P: 'doc.passport', I: 'doc.idCard', A: 'doc.idCard', C: 'doc.idCard', V: 'doc.visa' };

export function documentTypeKey(code: string): MessageKey {
  return DOC_TYPES[code.charAt(0)] ?? 'doc.other';
}

/** The traveller as the zone says, plus the crops when the read came from a page photo. */
export function TravellerPanel({ read }: { read: TravellerRead }) {
  const { t, date, number } = useI18n();
  const m = read.mrz;
  const sexKey: MessageKey = m.sex === 'M' ? 'sex.M' : m.sex === 'F' ? 'sex.F' : m.sex === 'X' ? 'sex.X' : 'sex.unknown';
  const fields: Array<[MessageKey, string, string, string?]> = [
    ['field.surname', m.surname, 'surname'],
    ['field.givenNames', m.givenNames, 'givenNames'],
    ['field.nationality', m.nationality, 'nationality'],
    ['field.birthDate', date(m.birthDate), 'birthDate', read.age === null ? undefined : t('traveller.age', { age: number(read.age, 0) })],
    ['field.sex', t(sexKey), 'sex'],
    ['field.documentType', `${t(documentTypeKey(m.documentCode))} (${m.documentCode})`, 'documentCode'],
    ['field.documentNumber', m.documentNumber, 'documentNumber'],
    ['field.issuingState', m.issuingState, 'issuingState'],
    ['field.expiryDate', date(m.expiryDate), 'expiryDate'],
  ];
  return (
    <section className="card traveller-card" aria-labelledby="traveller-title">
      <h2 id="traveller-title">
        {t('officer.traveller')} <span className="source-tag">{t(`source.${read.source}` as MessageKey)}</span>
      </h2>
      <div className="traveller-body">
        {read.images.portrait && <img className="portrait" src={read.images.portrait} alt={t('traveller.portraitAlt')} data-testid="portrait" />}
        <dl className="fields" data-testid="traveller">
          {fields.map(([label, value, key, extra]) => (
            <div key={key} className={`field field-${key}`}>
              <dt>{t(label)}</dt>
              <dd>
                <span data-field={key}>{value || '—'}</span>
                {extra && (
                  <span className="field-extra" data-testid="age">
                    {' '}
                    {extra}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {read.images.zone && <img className="zone-crop" src={read.images.zone} alt={t('traveller.zoneAlt')} data-testid="zone-crop" />}
      <pre className="zone" tabIndex={0} aria-label={t('traveller.zoneText')} data-testid="zone-text">
        {read.lines.join('\n')}
      </pre>
    </section>
  );
}

const ICON: Record<CheckState, string> = { pass: '✔', warn: '▲', fail: '✖', unknown: '?' };
const CLASS: Record<CheckState, string> = { pass: 'check-ok', warn: 'check-warn', fail: 'check-bad', unknown: 'check-unknown' };

function Check({ state, testId, children }: { state: CheckState; testId: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <li className={`check ${CLASS[state]}`} data-testid={testId} data-state={state}>
      <span aria-hidden="true" className="check-icon">
        {ICON[state]}
      </span>
      <span>
        <span className="visually-hidden">{t(`check.state.${state}` as MessageKey)}: </span>
        {children}
      </span>
    </li>
  );
}

/** Zone, expiry, age and watchlist, each in colour + icon + words (never colour alone). */
export function ChecksPanel({ read }: { read: TravellerRead }) {
  const i18n = useI18n();
  /** Zone issues in the screen's language; the core's English sentence only for a code we do not know. */
  const zoneLines = (messages: string[], codes: TravellerRead['checks']['zone']['errorCodes'] | undefined) =>
    messages.map((m, i) => codedText(i18n, 'mrz', codes?.[i], m));
  const { t, number } = i18n;
  const c = read.checks;
  const hits = c.watchlist.hits.filter((h) => h.band === 'hit').length;
  const possible = c.watchlist.hits.length - hits;
  const expiryText =
    c.expiry.daysLeft === null
      ? t('checks.expiryUnknown')
      : c.expiry.daysLeft < 0
        ? t('checks.expired', { days: number(-c.expiry.daysLeft, 0) })
        : c.expiry.state === 'warn'
          ? t('checks.expiresSoon', { days: number(c.expiry.daysLeft, 0) })
          : t('checks.expiryOk', { days: number(c.expiry.daysLeft, 0) });
  const watchlistText =
    c.watchlist.version === null
      ? t('checks.watchlistNone')
      : hits > 0
        ? t('checks.watchlistHit', { n: hits, version: c.watchlist.version })
        : possible > 0
          ? t('checks.watchlistPossible', { n: possible, version: c.watchlist.version })
          : t('checks.watchlistClear', { version: c.watchlist.version });
  return (
    <section className="card" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('checks.title')}</h2>
      <ul className="checks" data-testid="checks">
        <Check state={c.zone.state} testId="check-zone">
          {c.zone.state === 'pass' ? t('checks.zoneValid') : c.zone.state === 'warn' ? t('checks.zoneWarn') : t('checks.zoneInvalid')}
          {[...zoneLines(c.zone.errors, c.zone.errorCodes), ...zoneLines(c.zone.warnings, c.zone.warningCodes)].map((m) => (
            <span key={m} className="check-detail">
              {m}
            </span>
          ))}
        </Check>
        <Check state={c.expiry.state} testId="check-expiry">
          {expiryText}
        </Check>
        <Check state={c.age.state} testId="check-age">
          {read.age === null ? t('checks.ageUnknown') : c.age.minor ? t('checks.minor', { age: number(read.age, 0) }) : t('checks.adult', { age: number(read.age, 0) })}
        </Check>
        <Check state={c.watchlist.state} testId="check-watchlist">
          {watchlistText}
          {c.watchlist.stale && c.watchlist.version !== null && <span className="check-detail">{t('checks.watchlistStale')}</span>}
        </Check>
      </ul>
    </section>
  );
}

/** A hit cannot be missed: top of the screen, red, alert role (read out at once), entry and required action. */
export function HitPanel({ hits }: { hits: HitView[] }) {
  const i18n = useI18n();
  // Translated when the screen knows every code of the hit; else the core's English explanation as a whole.
  // The name pairs read as one line with the name match they explain ("Name match 100%: IVAN = IVAN, …").
  const reasonLines = (h: HitView): string[] => {
    if (!h.reasonCodes?.length || !h.reasonCodes.every((r) => isMessageKey(`watchlist.reason.${r.code}`))) return h.reasons;
    const lines: string[] = [];
    let pairs: string[] | null = null;
    const flush = () => {
      if (pairs?.length) lines[lines.length - 1] += `: ${pairs.join(', ')}`;
      pairs = null;
    };
    for (const r of h.reasonCodes) {
      const text = codedText(i18n, 'watchlist.reason', r, r.code);
      if (r.code === 'name_score') {
        flush();
        lines.push(text);
        pairs = [];
      } else if (pairs && (r.code === 'name_pair' || r.code === 'name_pair_exact')) pairs.push(text);
      else {
        flush();
        lines.push(text);
      }
    }
    flush();
    return lines;
  };
  const { t, number, date } = i18n;
  if (hits.length === 0) return null;
  const strong = hits.some((h) => h.band === 'hit');
  return (
    <section className={`hit-panel ${strong ? 'hit-strong' : 'hit-possible'}`} role="alert" aria-labelledby="hit-title" data-testid="hit-panel">
      <h2 id="hit-title">
        <span aria-hidden="true">{strong ? '⛔ ' : '⚠ '}</span>
        {strong ? t('hit.title') : t('hit.possibleTitle')}
      </h2>
      <p className="hit-instruction">{strong ? t('hit.instruction') : t('hit.possibleInstruction')}</p>
      <ol className="hit-list">
        {hits.map((h) => (
          <li key={h.id} className="hit-entry" data-testid="hit-entry">
            <div className="hit-head">
              <strong className="hit-names">{h.names.join(' / ') || h.documentNumber}</strong>
              <span className="hit-score">
                {t(h.band === 'hit' ? 'hit.bandHit' : 'hit.bandPossible')} · {t('hit.score', { score: number(h.score * (h.score <= 1 ? 100 : 1), 0) })}
              </span>
            </div>
            <dl className="hit-facts">
              {h.action && (
                <div className="hit-action">
                  <dt>{t('hit.action')}</dt>
                  <dd data-testid="hit-action">{h.action}</dd>
                </div>
              )}
              {h.reason && (
                <div>
                  <dt>{t('hit.listReason')}</dt>
                  <dd>{h.reason}</dd>
                </div>
              )}
              {h.birthDates.length > 0 && (
                <div>
                  <dt>{t('field.birthDate')}</dt>
                  <dd>{h.birthDates.map(date).join(', ')}</dd>
                </div>
              )}
              {h.nationalities.length > 0 && (
                <div>
                  <dt>{t('field.nationality')}</dt>
                  <dd>{h.nationalities.join(', ')}</dd>
                </div>
              )}
              {h.documentNumber && (
                <div>
                  <dt>{t('field.documentNumber')}</dt>
                  <dd>
                    {h.documentNumber} {h.issuingState}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('hit.source')}</dt>
                <dd>
                  {h.source} {h.reference && `· ${h.reference}`}
                </dd>
              </div>
            </dl>
            {h.reasons.length > 0 && (
              <div className="hit-why">
                <span>{t('hit.why')}</span>
                <ul>
                  {reasonLines(h).map((r, i) => (
                    <li key={`${i}:${r}`}>{r}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
