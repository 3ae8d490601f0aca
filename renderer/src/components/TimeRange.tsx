import { useI18n } from '../i18n';

export interface Range {
  from: string;
  to: string;
}

/** `datetime-local` wants local time without a zone; the core wants ISO instants. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function lastHours(hours: number): Range {
  const to = new Date(Date.now() + 60_000);
  return { from: new Date(to.getTime() - hours * 3_600_000).toISOString(), to: to.toISOString() };
}

export function TimeRange({ range, onChange }: { range: Range; onChange(r: Range): void }) {
  const { t } = useI18n();
  const set = (key: keyof Range) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const d = new Date(e.target.value);
    if (!Number.isNaN(d.getTime())) onChange({ ...range, [key]: d.toISOString() });
  };
  return (
    <fieldset className="range">
      <legend>{t('range.title')}</legend>
      <label>
        {t('range.from')} <input type="datetime-local" value={toLocalInput(range.from)} onChange={set('from')} data-testid="range-from" />
      </label>
      <label>
        {t('range.to')} <input type="datetime-local" value={toLocalInput(range.to)} onChange={set('to')} data-testid="range-to" />
      </label>
      <button type="button" onClick={() => onChange(lastHours(12))}>
        {t('range.last12')}
      </button>
    </fieldset>
  );
}
