import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { REASONS, type Decision } from './reasons';

export interface DecisionDraft {
  decision: Decision | null;
  reason: string;
  notes: string;
}

export interface DecisionPanelHandle {
  focusNotes(): void;
  focusReason(): void;
}

interface Props {
  draft: DecisionDraft;
  setDraft(d: DecisionDraft): void;
  /** The traveller has a watchlist hit: admitting needs a reason and notes too. */
  hasHit: boolean;
  busy: boolean;
  problem: string | null;
  onDecide(d: Decision): void;
  onNext(): void;
  recorded: boolean;
}

export function needsJustification(d: Decision, hasHit: boolean): boolean {
  return d !== 'admit' || hasHit;
}

const BUTTONS: Array<[Decision, string, MessageKey]> = [
  ['admit', 'F2', 'decision.admit'],
  ['refer', 'F3', 'decision.refer'],
  ['refuse', 'F4', 'decision.refuse'],
];

/** Admit / refer / refuse by button or function key; refer and refuse (and admitting a hit) need a reason and notes. */
export const DecisionPanel = forwardRef<DecisionPanelHandle, Props>(function DecisionPanel({ draft, setDraft, hasHit, busy, problem, onDecide, onNext, recorded }, ref) {
  const { t } = useI18n();
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);
  useImperativeHandle(ref, () => ({ focusNotes: () => notesRef.current?.focus(), focusReason: () => reasonRef.current?.focus() }), []);
  const [touched, setTouched] = useState(false);
  const reasons = draft.decision ? REASONS[draft.decision] : [...new Set(Object.values(REASONS).flat())];
  const needs = draft.decision ? needsJustification(draft.decision, hasHit) : false;
  const reasonMissing = needs && draft.reason === '';
  const notesMissing = needs && draft.notes.trim() === '';

  return (
    <section className="card decision-card" aria-labelledby="decision-title" data-testid="decision">
      <h2 id="decision-title">{t('decision.title')}</h2>
      {!recorded && (
        <div className="decision-buttons">
          {BUTTONS.map(([d, key, label]) => (
            <button
              key={d}
              type="button"
              className={`decide decide-${d} ${draft.decision === d ? 'selected' : ''}`}
              aria-keyshortcuts={key}
              aria-pressed={draft.decision === d}
              disabled={busy}
              onClick={() => {
                setTouched(true);
                onDecide(d);
              }}
              data-testid={`decide-${d}`}
            >
              <span aria-hidden="true" className="decide-icon">
                {d === 'admit' ? '✔' : d === 'refer' ? '➜' : '✖'}
              </span>{' '}
              {t(label)} <kbd>{key}</kbd>
            </button>
          ))}
        </div>
      )}
      {!recorded && (
        <div className="decision-form">
          {draft.decision && needs && (
            <p className="decision-need" role="status">
              {t('decision.needJustification', { decision: t(`decision.${draft.decision}` as MessageKey) })}
            </p>
          )}
          <label className="stack">
            {t('decision.reason')}
            <select
              ref={reasonRef}
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
              aria-invalid={touched && reasonMissing ? true : undefined}
              aria-required={needs}
              data-testid="reason"
            >
              <option value="">{t('decision.reasonChoose')}</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="stack">
            <span>
              {t('decision.notes')} <kbd>Alt+N</kbd>
            </span>
            <textarea
              ref={notesRef}
              rows={2}
              value={draft.notes}
              maxLength={2000}
              onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
              aria-invalid={touched && notesMissing ? true : undefined}
              aria-required={needs}
              aria-keyshortcuts="Alt+N"
              data-testid="notes"
            />
          </label>
          {draft.decision && needs && (
            <button type="button" className={`primary decide-${draft.decision}`} disabled={busy} onClick={() => onDecide(draft.decision!)} data-testid="confirm-decision" aria-keyshortcuts="Control+Enter">
              {t('decision.confirm', { decision: t(`decision.${draft.decision}` as MessageKey) })} <kbd>Ctrl+Enter</kbd>
            </button>
          )}
        </div>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="decision-problem">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      )}
      <button type="button" className="next" onClick={onNext} aria-keyshortcuts="Escape" data-testid="next-traveller">
        {t('decision.next')} <kbd>Esc</kbd>
      </button>
    </section>
  );
});
