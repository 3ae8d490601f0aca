import { useI18n, type MessageKey } from '../../i18n';

export const OFFICER_SHORTCUTS: Array<[string, MessageKey]> = [
  ['F2', 'decision.admit'],
  ['F3', 'decision.refer'],
  ['F4', 'decision.refuse'],
  ['Ctrl+Enter', 'help.confirm'],
  ['Alt+N', 'decision.notes'],
  ['Esc', 'help.escape'],
  ['Alt+M', 'manual.open'],
  ['Alt+O', 'image.choose'],
  ['Alt+L', 'shell.lock'],
  ['F1', 'help.title'],
];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <section className="card help" aria-labelledby="help-title" data-testid="shortcut-help">
      <h2 id="help-title">{t('help.title')}</h2>
      <dl className="shortcut-list">
        {OFFICER_SHORTCUTS.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('common.close')} <kbd>Esc</kbd>
      </button>
    </section>
  );
}
