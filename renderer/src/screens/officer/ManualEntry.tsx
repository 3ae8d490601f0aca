import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MrzView, TravellerRead } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n';
import { codedText, mrzIssueText } from '../../i18n/coded';

/** Only what the zone may contain: typing is upper-cased and anything else is dropped as it is typed. */
function cleanZone(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9<\n]/g, (c) => (c === ' ' ? '<' : ''))
    .split('\n')
    .slice(0, 3)
    .join('\n');
}

/** Typing the zone when the reader cannot: checked on every keystroke by the core's parser. */
export function ManualEntry({ onRead, onClose }: { onRead(r: TravellerRead): void; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<MrzView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  useEffect(() => {
    if (text.trim() === '') {
      setParsed(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      call('mrz.parse', { text }).then(
        (r) => live && setParsed(r),
        (e) => live && setError(e),
      );
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      onRead(await call('traveller.manualEntry', { text }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const lines = text.split('\n');
  return (
    <form className="card manual-entry" onSubmit={submit} aria-labelledby="manual-title" data-testid="manual-entry" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <h2 id="manual-title">{t('manual.title')}</h2>
      <p className="muted small" id="manual-help">
        {t('manual.help')}
      </p>
      <textarea
        ref={ref}
        className="zone-input"
        rows={3}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(cleanZone(e.target.value))}
        aria-label={t('manual.zoneLabel')}
        aria-describedby="manual-help manual-status"
        aria-invalid={parsed && !parsed.valid ? true : undefined}
        data-testid="manual-zone"
      />
      <p className="muted small">{lines.map((l, i) => t('manual.lineLength', { line: i + 1, n: l.length })).join(' · ')}</p>
      <div id="manual-status" aria-live="polite" data-testid="manual-status">
        {parsed &&
          (parsed.valid ? (
            <p className="check check-ok">
              <span aria-hidden="true" className="check-icon">
                ✔
              </span>
              {t('manual.valid', { format: parsed.format ?? '?' })}
            </p>
          ) : (
            <div className="check check-bad manual-errors">
              <span aria-hidden="true" className="check-icon" data-testid="manual-errors-icon">
                ✖
              </span>
              <span className="manual-errors-text">
                {parsed.format ? t('manual.invalid', { format: parsed.format }) : t('manual.unknownFormat')}
                <ul>
                  {parsed.errors.slice(0, 6).map((er, i) => (
                    <li key={i}>
                      {er.line > 0
                        ? t('manual.issue', { field: codedText(i18n, 'mrz.field', { code: er.field }, er.field), line: er.line, position: er.position, message: mrzIssueText(i18n, er) })
                        : mrzIssueText(i18n, er)}
                    </li>
                  ))}
                </ul>
              </span>
            </div>
          ))}
      </div>
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !parsed?.format} data-testid="manual-submit">
          {t('manual.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
