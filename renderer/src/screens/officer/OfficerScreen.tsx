import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShiftCounters, TravellerRead } from '../../../../electron/contract';
import { call, subscribe } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n, type MessageKey } from '../../i18n';
import { markVerdictShown } from '../../metrics';
import { hitSoundEnabled, playHitSound, prepareHitSound, setHitSoundEnabled } from '../../sound';
import { DecisionPanel, needsJustification, type DecisionDraft, type DecisionPanelHandle } from './DecisionPanel';
import { ImageRead } from './ImageRead';
import { ManualEntry } from './ManualEntry';
import type { Decision } from './reasons';
import { Counters, ReaderPills, StaleBanner, useReaders, useWatchlistStatus, WatchlistPill } from './StatusStrip';
import { ChecksPanel, HitPanel, TravellerPanel } from './TravellerPanel';
import { ShortcutHelp } from './ShortcutHelp';

const EMPTY: DecisionDraft = { decision: null, reason: '', notes: '' };

/**
 * The counter officer's screen. Waiting: readers, list, shift counters. A read: the hit panel (if any)
 * first, then the traveller, the checks and the decision. Every trace of a traveller goes with "next"
 * or with the next read.
 */
export function OfficerScreen() {
  const { t } = useI18n();
  const { readers, error: readerError } = useReaders();
  const { status: watchlist } = useWatchlistStatus();
  const [read, setRead] = useState<TravellerRead | null>(null);
  const [counters, setCounters] = useState<ShiftCounters | null>(null);
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY);
  const [recorded, setRecorded] = useState<{ decision: Decision; seq: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<'idle' | 'manual'>('idle');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [help, setHelp] = useState(false);
  const [sound, setSound] = useState(hitSoundEnabled);
  const panel = useRef<DecisionPanelHandle>(null);
  const openImage = useRef<(() => void) | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  // A read that arrives while an undecided watchlist hit is on screen waits: a hit must never be pushed
  // off the screen by the next scan. It is shown once the hit traveller is decided (or discarded).
  const [held, setHeld] = useState<TravellerRead | null>(null);
  // Reads that waited behind a hit: their time to the screen is the officer's, not the machine's.
  const waited = useRef(new Set<string>());
  const onScreen = useRef<{ read: TravellerRead | null; recorded: boolean }>({ read: null, recorded: false });
  onScreen.current = { read, recorded: recorded !== null };

  const show = useCallback((r: TravellerRead) => {
    // A new read replaces everything about the previous traveller.
    setHeld(null);
    setRead(r);
    setDraft(EMPTY);
    setRecorded(null);
    setProblem(null);
    setError(null);
    setMode('idle');
    setConfirmDiscard(false);
  }, []);

  const clear = useCallback(() => {
    setRead(null);
    setDraft(EMPTY);
    setRecorded(null);
    setProblem(null);
    setError(null);
    setConfirmDiscard(false);
    mainRef.current?.focus();
  }, []);

  useEffect(() => {
    call('inspection.myShift', {}).then(setCounters, setError);
    // after the first paint, so the waiting screen is not held up by it
    const audioSoon = setTimeout(prepareHitSound, 500);
    // Only reads that arrive while the screen is open are shown: a read the officer discarded (Esc) or
    // that a lock cleared must not come back through `traveller.current`.
    const unsubscribe = subscribe('traveller.read', (r) => {
      const { read: current, recorded: decided } = onScreen.current;
      if (current && !decided && current.checks.watchlist.hits.some((h) => h.band === 'hit')) {
        waited.current.add(r.readId);
        setHeld(r);
      } else show(r);
    });
    return () => {
      clearTimeout(audioSoon);
      unsubscribe();
    };
  }, [show]);

  const hits = read?.checks.watchlist.hits ?? [];
  const strongHit = hits.some((h) => h.band === 'hit');
  useEffect(() => {
    if (!read) return;
    markVerdictShown(read, waited.current.delete(read.readId));
    if (hits.length > 0) playHitSound();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read]);

  const decide = useCallback(
    async (d: Decision) => {
      if (!read || recorded || busy) return;
      const next = { ...draft, decision: d };
      setDraft(next);
      setConfirmDiscard(false);
      if (needsJustification(d, strongHit) && (next.reason === '' || next.notes.trim() === '')) {
        setProblem(t(d === 'admit' ? 'decision.needHitJustification' : 'decision.needJustification', { decision: t(`decision.${d}` as MessageKey) }));
        if (next.reason === '') panel.current?.focusReason();
        else panel.current?.focusNotes();
        return;
      }
      setBusy(true);
      setProblem(null);
      try {
        const res = await call('inspection.decide', { readId: read.readId, decision: d, reason: next.reason, notes: next.notes.trim() });
        setCounters(res.counters);
        setRecorded({ decision: d, seq: res.seq });
        document.querySelector<HTMLButtonElement>('[data-testid="next-traveller"]')?.focus();
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [read, recorded, busy, draft, strongHit, t],
  );

  const next = useCallback(() => {
    if (!read) return;
    if (!recorded && !confirmDiscard) {
      setConfirmDiscard(true);
      return;
    }
    clear();
    if (!recorded) {
      // Discarded undecided: the core forgets the read too, so no decision can be recorded on it later.
      call('traveller.discard', { readId: read.readId }).catch(setError);
    }
    if (held) show(held);
  }, [read, recorded, confirmDiscard, clear, held, show]);

  // Officer shortcuts (docs/keyboard.md). Function keys work even while typing notes. The handler is
  // replaced on every render and read through a ref, so a key pressed right after a read arrives acts on
  // what is on screen, never on a stale closure.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKeyRef.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const fkeys: Record<string, Decision> = { F2: 'admit', F3: 'refer', F4: 'refuse' };
      if (e.key === 'F1') {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (e.key in fkeys && !e.altKey && !e.ctrlKey) {
        e.preventDefault();
        if (read) void decide(fkeys[e.key]!);
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && read && draft.decision) {
        e.preventDefault();
        void decide(draft.decision);
      } else if (e.altKey && e.code === 'KeyN') {
        e.preventDefault();
        if (read && !recorded) panel.current?.focusNotes();
      } else if (e.altKey && e.code === 'KeyM') {
        e.preventDefault();
        setMode('manual');
      } else if (e.altKey && e.code === 'KeyO') {
        e.preventDefault();
        openImage.current?.();
      } else if (e.key === 'Escape') {
        if (help) setHelp(false);
        else if (mode === 'manual') setMode('idle');
        else if (read) next();
        else return;
        e.preventDefault();
      }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main id="main" className="officer" tabIndex={-1} ref={mainRef} aria-label={t('officer.title')}>
      <div className="status-bar" role="group" aria-label={t('officer.status')}>
        <ReaderPills readers={readers} />
        <WatchlistPill status={watchlist} />
        <label className="sound-toggle">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              setHitSoundEnabled(e.target.checked);
              setSound(e.target.checked);
            }}
            data-testid="sound-toggle"
          />{' '}
          {t('officer.sound')}
        </label>
        <button type="button" className="link-button" onClick={() => setHelp((h) => !h)} aria-keyshortcuts="F1" aria-expanded={help}>
          {t('help.button')} <kbd>F1</kbd>
        </button>
      </div>
      <StaleBanner status={watchlist} />
      {held && (
        <p className="banner banner-warn" role="status" data-testid="read-held">
          {t('officer.readHeld')}
        </p>
      )}
      <ErrorNote error={readerError} />
      <ErrorNote error={error} />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}

      {!read && mode === 'manual' && <ManualEntry onRead={show} onClose={() => setMode('idle')} />}
      {!read && (
        <div className="waiting-layout" hidden={mode === 'manual'}>
          <h1 className="waiting" data-testid="waiting">
            {t('officer.waiting')}
          </h1>
          <Counters counters={counters} />
          <div className="row center">
            <button type="button" onClick={() => setMode('manual')} aria-keyshortcuts="Alt+M" data-testid="open-manual">
              {t('manual.open')} <kbd>Alt+M</kbd>
            </button>
          </div>
          <ImageRead onRead={show} openRef={openImage} />
        </div>
      )}

      {read && (
        <div className="read-layout" data-testid="read" data-read-id={read.readId}>
          <HitPanel hits={hits} />
          {recorded && (
            <p className={`banner banner-${recorded.decision}`} role="status" data-testid="recorded">
              <span aria-hidden="true">✔ </span>
              {t('decision.recorded', { decision: t(`decision.${recorded.decision}` as MessageKey), seq: recorded.seq })}
            </p>
          )}
          {confirmDiscard && (
            <p className="banner banner-warn" role="alert" data-testid="confirm-discard">
              {t('decision.confirmDiscard')}
            </p>
          )}
          <div className="traveller-layout">
            <TravellerPanel read={read} />
            <div className="side">
              <ChecksPanel read={read} />
              <DecisionPanel
                ref={panel}
                draft={draft}
                setDraft={(d) => {
                  setDraft(d);
                  setProblem(null);
                }}
                hasHit={strongHit}
                busy={busy}
                problem={problem}
                onDecide={(d) => void decide(d)}
                onNext={next}
                recorded={!!recorded}
              />
            </div>
          </div>
          <Counters counters={counters} />
        </div>
      )}
    </main>
  );
}
