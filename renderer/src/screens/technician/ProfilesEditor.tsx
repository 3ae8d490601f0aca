import { useEffect, useMemo, useState } from 'react';
import type { MrzView, RawTrafficView } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useI18n } from '../../i18n';

type Profile = Record<string, unknown> & { id?: string; name?: string; driver?: string };

const asProfile = (p: unknown): Profile => (p && typeof p === 'object' ? (p as Profile) : {});

/**
 * Reader profiles: pick one as active, start from a template, edit it as JSON (checked as typed;
 * the core validates every field on save and says which one is wrong), test-read with it.
 */
export function ProfilesEditor() {
  const { t } = useI18n();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [defaults, setDefaults] = useState<Profile[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [template, setTemplate] = useState('');
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ lines: string[]; mrz: MrzView | null; raw: RawTrafficView[]; error: string | null } | null>(null);

  useEffect(() => {
    call('scanner.profiles.get', {}).then((r) => {
      const ps = r.profiles.map(asProfile);
      setProfiles(ps);
      setDefaults(r.defaults.map(asProfile));
      setActive(r.active);
      setText(ps[0] ? JSON.stringify(ps[0], null, 2) : '');
    }, setError);
  }, []);

  const parsed = useMemo(() => {
    if (text.trim() === '') return { ok: false as const, message: '' };
    try {
      const v = JSON.parse(text) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false as const, message: t('profiles.notObject') };
      return { ok: true as const, value: v as Profile };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  }, [text, t]);

  // Keep the list in step with the editor so "save" sends what is on screen.
  const current = profiles.map((p, i) => (i === selected && parsed.ok ? parsed.value : p));

  function select(i: number) {
    setProfiles(current);
    setSelected(i);
    setText(JSON.stringify(current[i] ?? {}, null, 2));
    setSaved(false);
    setTest(null);
  }

  function addTemplate() {
    const tpl = defaults.find((d) => d.id === template);
    if (!tpl) return;
    const ids = new Set(current.map((p) => p.id));
    let id = String(tpl.id);
    for (let n = 2; ids.has(id); n++) id = `${tpl.id}-${n}`;
    const next = [...current, { ...tpl, id }];
    setProfiles(next);
    setSelected(next.length - 1);
    setText(JSON.stringify(next[next.length - 1], null, 2));
  }

  function remove() {
    const next = current.filter((_, i) => i !== selected);
    setProfiles(next);
    setSelected(0);
    setText(next[0] ? JSON.stringify(next[0], null, 2) : '');
  }

  async function save() {
    setError(null);
    setSaved(false);
    try {
      const r = await call('scanner.profiles.save', { profiles: current, active });
      const ps = r.profiles.map(asProfile);
      setProfiles(ps);
      setActive(r.active);
      setText(ps[selected] ? JSON.stringify(ps[selected], null, 2) : '');
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  async function testRead() {
    if (!parsed.ok) return;
    setTesting(true);
    setTest(null);
    setError(null);
    try {
      setTest(await call('scanner.testRead', { profile: parsed.value, seconds: 10 }));
    } catch (e) {
      setError(e);
    } finally {
      setTesting(false);
    }
  }

  return (
    <Card title={t('profiles.title')} id="profiles-title" testId="profiles">
      <fieldset className="profile-list">
        <legend>{t('profiles.active')}</legend>
        {current.length === 0 && <p className="muted">{t('profiles.none')}</p>}
        {current.map((p, i) => (
          <div key={`${p.id}-${i}`} className={`profile-row ${i === selected ? 'selected' : ''}`}>
            <label>
              <input type="radio" name="active-profile" checked={active === p.id} onChange={() => setActive(String(p.id))} /> {String(p.name ?? p.id)}{' '}
              <span className="muted small">({String(p.driver)})</span>
            </label>
            <button type="button" onClick={() => select(i)} aria-pressed={i === selected} data-testid="edit-profile">
              {t('profiles.edit')}
            </button>
          </div>
        ))}
        <label className="radio-none">
          <input type="radio" name="active-profile" checked={active === null} onChange={() => setActive(null)} /> {t('profiles.noActive')}
        </label>
      </fieldset>
      <div className="row wrap">
        <label>
          {t('profiles.template')}{' '}
          <select value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="template">
            <option value="">{t('profiles.templateChoose')}</option>
            {defaults.map((d) => (
              <option key={String(d.id)} value={String(d.id)}>
                {String(d.name ?? d.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={addTemplate} disabled={!template} data-testid="add-template">
          {t('profiles.add')}
        </button>
        <button type="button" onClick={remove} disabled={current.length === 0}>
          {t('profiles.remove')}
        </button>
      </div>
      {current.length > 0 && (
        <label className="stack">
          {t('profiles.json')}
          <textarea
            className="json-editor mono"
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(false);
            }}
            aria-invalid={!parsed.ok || undefined}
            aria-describedby="profile-json-status"
            data-testid="profile-json"
          />
        </label>
      )}
      <p id="profile-json-status" className={parsed.ok ? 'ok-text small' : 'warn-text small'} aria-live="polite">
        {current.length === 0 ? '' : parsed.ok ? t('profiles.jsonOk') : t('profiles.jsonBad', { message: parsed.message })}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()} disabled={current.length > 0 && !parsed.ok} data-testid="profiles-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => void testRead()} disabled={!parsed.ok || testing} data-testid="test-read">
          {testing ? t('profiles.testing') : t('profiles.testRead')}
        </button>
      </div>
      {saved && (
        <p className="ok-text" role="status" data-testid="profiles-saved">
          ✔ {t('common.saved')}
        </p>
      )}
      <ErrorNote error={error} testId="profiles-error" />
      {test && (
        <div className={`check ${test.error ? 'check-bad' : test.mrz?.valid ? 'check-ok' : 'check-warn'}`} role="status" data-testid="test-result">
          <span aria-hidden="true">{test.error ? '✖' : test.mrz?.valid ? '✔' : '▲'} </span>
          <span>
            {test.error
              ? test.error
              : test.lines.length === 0
                ? t('profiles.testNothing')
                : test.mrz?.valid
                  ? t('profiles.testOk', { format: test.mrz.format ?? '?' })
                  : t('profiles.testBad')}
            {test.lines.length > 0 && (
              <pre className="zone" tabIndex={0} aria-label={t('traveller.zoneText')}>
                {test.lines.join('\n')}
              </pre>
            )}
            <span className="small block">{t('profiles.testBytes', { n: test.raw.length })}</span>
          </span>
        </div>
      )}
    </Card>
  );
}
