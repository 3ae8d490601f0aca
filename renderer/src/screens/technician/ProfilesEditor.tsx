import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { MrzView, RawTrafficView } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card } from '../../components/Tabs';
import { useI18n, type MessageKey } from '../../i18n';
import { readerProblemText } from '../../i18n/coded';
import { asProfile, getAt, profileProblems, setAt, type FieldProblem, type Profile } from './profileForm';

type Path = Array<string | number>;
const DRIVERS = ['serial', 'hid', 'folder', 'simulator'] as const;
const SERIAL_FRAMINGS = ['line', 'stx-etx', 'rte', 'auto'];
const SIMULATOR_FRAMINGS = ['line', 'stx-etx', 'rte', 'keyboard', 'access-hid'];
const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];
const WRITE_WHEN = ['open', 'document', 'trigger'];

/** Context every field needs: the profile, how to change it, and what the schema says about it. */
interface FormCtx {
  profile: Profile;
  change(path: Path, value: unknown): void;
  problems: Map<string, FieldProblem>;
}

/**
 * Reader profiles as a form: pick the reader in use, start from a template, fill in each field (checked
 * as it is typed with the core's own schema, so the messages match what the core would refuse), test-read
 * with it, save. The JSON of a profile stays available as an advanced view.
 */
export function ProfilesEditor() {
  const i18n = useI18n();
  const { t } = i18n;
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [defaults, setDefaults] = useState<Profile[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [template, setTemplate] = useState('');
  const [advanced, setAdvanced] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{
    lines: string[];
    mrz: MrzView | null;
    raw: RawTrafficView[];
    error: string | null;
    problem: { code: string; params: Record<string, string | number> } | null;
  } | null>(null);

  useEffect(() => {
    call('scanner.profiles.get', {}).then((r) => {
      setProfiles(r.profiles.map(asProfile));
      setDefaults(r.defaults.map(asProfile));
      setActive(r.active);
    }, setError);
  }, []);

  const problems = useMemo(() => profiles.map((p, i) => profileProblems(p, profiles.filter((_, j) => j !== i))), [profiles]);
  const allValid = problems.every((m) => m.size === 0);
  const profile = profiles[selected];

  const replace = (i: number, p: Profile) => {
    setProfiles((ps) => ps.map((q, j) => (j === i ? p : q)));
    setSaved(false);
    setTest(null);
  };
  const change = (path: Path, value: unknown) => profile && replace(selected, setAt(profile, path, value));

  function select(i: number) {
    setSelected(i);
    setSaved(false);
    setTest(null);
  }

  function addTemplate() {
    const tpl = defaults.find((d) => d.id === template);
    if (!tpl) return;
    const ids = new Set(profiles.map((p) => p.id));
    let id = String(tpl.id);
    for (let n = 2; ids.has(id); n++) id = `${tpl.id}-${n}`;
    setProfiles([...profiles, { ...tpl, id }]);
    setSelected(profiles.length);
    setSaved(false);
  }

  function remove() {
    const gone = profiles[selected];
    setProfiles(profiles.filter((_, i) => i !== selected));
    if (gone && active === gone.id) setActive(null);
    setSelected(0);
    setSaved(false);
  }

  /** Another driver: its fields come from that driver's first template; id and name stay. */
  function changeDriver(driver: string) {
    if (!profile) return;
    const tpl = defaults.find((d) => d.driver === driver) ?? { driver };
    replace(selected, { ...tpl, id: profile.id, name: profile.name });
  }

  async function save() {
    setError(null);
    setSaved(false);
    try {
      const r = await call('scanner.profiles.save', { profiles, active });
      setProfiles(r.profiles.map(asProfile));
      setActive(r.active);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  async function testRead() {
    if (!profile) return;
    setTesting(true);
    setTest(null);
    setError(null);
    try {
      setTest(await call('scanner.testRead', { profile, seconds: 10 }));
    } catch (e) {
      setError(e);
    } finally {
      setTesting(false);
    }
  }

  const ctx: FormCtx | null = profile ? { profile, change, problems: problems[selected]! } : null;
  const invalidCount = problems[selected]?.size ?? 0;

  return (
    <Card title={t('profiles.title')} id="profiles-title" testId="profiles">
      <fieldset className="profile-list">
        <legend>{t('profiles.active')}</legend>
        {profiles.length === 0 && <p className="muted">{t('profiles.none')}</p>}
        {profiles.map((p, i) => (
          <div key={i} className={`profile-row ${i === selected ? 'selected' : ''}`} data-testid="profile-row">
            <label>
              <input type="radio" name="active-profile" checked={active !== null && active === p.id} onChange={() => setActive(String(p.id))} /> {String(p.name || p.id || '?')}{' '}
              <span className="muted small">({String(p.driver)})</span>
              {problems[i]!.size > 0 && (
                <span className="warn-text small" data-testid="profile-invalid">
                  {' '}
                  ▲ {t('profiles.hasProblems', { n: problems[i]!.size })}
                </span>
              )}
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
        <button type="button" onClick={remove} disabled={profiles.length === 0} data-testid="remove-profile">
          {t('profiles.remove')}
        </button>
      </div>

      {ctx && (
        <div className="profile-form" data-testid="profile-form">
          <h3>{t('profiles.editing', { name: String(profile!.name || profile!.id || '?') })}</h3>
          <div className="form-grid">
            <TextField ctx={ctx} path={['name']} label="profiles.f.name" />
            <TextField ctx={ctx} path={['id']} label="profiles.f.id" help="profiles.f.idHelp" />
            <Field ctx={ctx} path={['driver']} label="profiles.f.driver">
              {(id, described) => (
                <select id={id} value={String(profile!.driver ?? '')} onChange={(e) => changeDriver(e.target.value)} aria-describedby={described} data-testid="pf-driver">
                  {DRIVERS.map((d) => (
                    <option key={d} value={d}>
                      {t(`profiles.driver.${d}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {profile!.driver === 'serial' && <SerialFields ctx={ctx} />}
          {profile!.driver === 'hid' && <HidFields ctx={ctx} />}
          {profile!.driver === 'folder' && (
            <fieldset className="form-grid">
              <legend>{t('profiles.driver.folder')}</legend>
              <TextField ctx={ctx} path={['dir']} label="profiles.f.dir" />
              <NumberField ctx={ctx} path={['settleMs']} label="profiles.f.settleMs" />
            </fieldset>
          )}
          {profile!.driver === 'simulator' && (
            <fieldset className="form-grid">
              <legend>{t('profiles.driver.simulator')}</legend>
              <SelectField ctx={ctx} path={['framing']} label="profiles.f.framing" options={SIMULATOR_FRAMINGS} />
            </fieldset>
          )}
          {(profile!.driver === 'serial' || profile!.driver === 'hid') && <WritesFields ctx={ctx} />}

          <label className="row">
            <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} data-testid="advanced-json" /> {t('profiles.advanced')}
          </label>
          {advanced && <JsonView key={selected} profile={profile!} onChange={(p) => replace(selected, p)} />}
        </div>
      )}

      <p className={allValid ? 'ok-text small' : 'warn-text small'} aria-live="polite" data-testid="profile-status">
        {profiles.length === 0 ? '' : allValid ? t('profiles.formOk') : t('profiles.formBad')}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()} disabled={!allValid} data-testid="profiles-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => void testRead()} disabled={!profile || invalidCount > 0 || testing} data-testid="test-read">
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
              ? readerProblemText(i18n, test.problem ? { ...test.problem, message: test.error } : null, test.error)
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

/** A labelled control with its help and its problem (from the schema) wired for screen readers. */
function Field({ ctx, path, label, help, children }: { ctx: FormCtx; path: Path; label: MessageKey; help?: MessageKey; children(id: string, describedBy: string | undefined, invalid: boolean): ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const problem = ctx.problems.get(path.join('.'));
  const described = [help ? `${id}-help` : '', problem ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="stack form-field" data-field-path={path.join('.')}>
      <label htmlFor={id}>{t(label)}</label>
      {children(id, described, !!problem)}
      {help && (
        <span id={`${id}-help`} className="muted small">
          {t(help)}
        </span>
      )}
      {problem && (
        <span id={`${id}-err`} className="warn-text small" data-testid="field-problem">
          {t(problem.key, problem.vars)}
        </span>
      )}
    </div>
  );
}

function TextField({ ctx, path, label, help, optional }: { ctx: FormCtx; path: Path; label: MessageKey; help?: MessageKey; optional?: boolean }) {
  const v = getAt(ctx.profile, path);
  return (
    <Field ctx={ctx} path={path} label={label} help={help}>
      {(id, described, invalid) => (
        <input
          id={id}
          value={v === undefined || v === null ? '' : String(v)}
          onChange={(e) => ctx.change(path, optional && e.target.value === '' ? undefined : e.target.value)}
          aria-describedby={described}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          data-testid={`pf-${path.join('-')}`}
        />
      )}
    </Field>
  );
}

/** Numbers as typed: a value that is not a number is kept as text, so the schema names the problem. */
function NumberField({ ctx, path, label, help, optional, hex }: { ctx: FormCtx; path: Path; label: MessageKey; help?: MessageKey; optional?: boolean; hex?: boolean }) {
  const v = getAt(ctx.profile, path);
  const shown = typeof v === 'number' ? (hex ? `0x${v.toString(16).padStart(4, '0')}` : String(v)) : v === undefined ? '' : String(v);
  const [text, setText] = useState(shown);
  // Follow changes made elsewhere (driver switch, JSON view) without fighting the person typing.
  useEffect(() => {
    const parsed = parseNumber(text, hex);
    if (parsed !== v && !(parsed === undefined && v === undefined)) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v]);
  return (
    <Field ctx={ctx} path={path} label={label} help={help}>
      {(id, described, invalid) => (
        <input
          id={id}
          inputMode={hex ? 'text' : 'numeric'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const n = parseNumber(e.target.value, hex);
            ctx.change(path, n ?? (e.target.value.trim() === '' ? (optional ? undefined : '') : e.target.value));
          }}
          aria-describedby={described}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          data-testid={`pf-${path.join('-')}`}
        />
      )}
    </Field>
  );
}

function parseNumber(s: string, hex?: boolean): number | undefined {
  const v = s.trim();
  if (hex && /^(0x)?[0-9a-f]+$/i.test(v)) return parseInt(v.replace(/^0x/i, ''), 16);
  if (!hex && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

function SelectField({ ctx, path, label, options, numeric, labels }: { ctx: FormCtx; path: Path; label: MessageKey; options: Array<string | number>; numeric?: boolean; labels?: (o: string) => string }) {
  const v = getAt(ctx.profile, path);
  return (
    <Field ctx={ctx} path={path} label={label}>
      {(id, described, invalid) => (
        <select
          id={id}
          value={v === undefined ? '' : String(v)}
          onChange={(e) => ctx.change(path, numeric ? Number(e.target.value) : e.target.value)}
          aria-describedby={described}
          aria-invalid={invalid || undefined}
          data-testid={`pf-${path.join('-')}`}
        >
          {v === undefined && <option value="">—</option>}
          {!options.map(String).includes(String(v)) && v !== undefined && <option value={String(v)}>{String(v)}</option>}
          {options.map((o) => (
            <option key={o} value={String(o)}>
              {labels ? labels(String(o)) : String(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function SerialFields({ ctx }: { ctx: FormCtx }) {
  const { t } = useI18n();
  const port = getAt(ctx.profile, ['port']);
  const byPath = !!port && typeof port === 'object' && 'path' in port;
  return (
    <fieldset className="form-grid">
      <legend>{t('profiles.driver.serial')}</legend>
      <div className="stack form-field" role="radiogroup" aria-label={t('profiles.f.portKind')}>
        <span>{t('profiles.f.portKind')}</span>
        <label>
          <input type="radio" name="port-kind" checked={byPath} onChange={() => ctx.change(['port'], { path: '' })} data-testid="pf-port-by-path" /> {t('profiles.f.portByPath')}
        </label>
        <label>
          <input type="radio" name="port-kind" checked={!byPath} onChange={() => ctx.change(['port'], {})} data-testid="pf-port-by-usb" /> {t('profiles.f.portByUsb')}
        </label>
      </div>
      {byPath ? (
        <TextField ctx={ctx} path={['port', 'path']} label="profiles.f.portPath" help="profiles.f.portPathHelp" />
      ) : (
        <>
          <NumberField ctx={ctx} path={['port', 'vendorId']} label="profiles.f.vendorId" help="profiles.f.hexHelp" hex />
          <NumberField ctx={ctx} path={['port', 'productId']} label="profiles.f.productId" help="profiles.f.hexHelp" hex />
          <TextField ctx={ctx} path={['port', 'serialNumber']} label="profiles.f.serialNumber" optional />
        </>
      )}
      <SelectField ctx={ctx} path={['framing']} label="profiles.f.framing" options={SERIAL_FRAMINGS} />
      <SelectField ctx={ctx} path={['serial', 'baudRate']} label="profiles.f.baudRate" options={BAUD_RATES} numeric />
      <SelectField ctx={ctx} path={['serial', 'dataBits']} label="profiles.f.dataBits" options={[5, 6, 7, 8]} numeric />
      <SelectField ctx={ctx} path={['serial', 'parity']} label="profiles.f.parity" options={['none', 'even', 'odd', 'mark', 'space']} />
      <SelectField ctx={ctx} path={['serial', 'stopBits']} label="profiles.f.stopBits" options={[1, 1.5, 2]} numeric />
      <NumberField ctx={ctx} path={['gapMs']} label="profiles.f.gapMs" help="profiles.f.gapMsHelp" optional />
      <TextField ctx={ctx} path={['startCode']} label="profiles.f.startCode" help="profiles.f.hexBytesHelp" optional />
      <TextField ctx={ctx} path={['endCode']} label="profiles.f.endCode" help="profiles.f.hexBytesHelp" optional />
    </fieldset>
  );
}

function HidFields({ ctx }: { ctx: FormCtx }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-grid">
      <legend>{t('profiles.driver.hid')}</legend>
      <SelectField ctx={ctx} path={['mode']} label="profiles.f.mode" options={['keyboard', 'access-hid']} />
      <NumberField ctx={ctx} path={['device', 'vendorId']} label="profiles.f.vendorId" help="profiles.f.hexHelp" hex />
      <NumberField ctx={ctx} path={['device', 'productId']} label="profiles.f.productId" help="profiles.f.hexHelp" hex optional />
      <NumberField ctx={ctx} path={['device', 'usagePage']} label="profiles.f.usagePage" help="profiles.f.hexHelp" hex optional />
      <TextField ctx={ctx} path={['device', 'path']} label="profiles.f.devicePath" optional />
      <NumberField ctx={ctx} path={['reportId']} label="profiles.f.reportId" optional />
      <NumberField ctx={ctx} path={['gapMs']} label="profiles.f.gapMs" help="profiles.f.gapMsHelp" optional />
    </fieldset>
  );
}

/** Commands sent to the reader (on open, after each document, on a trigger). */
function WritesFields({ ctx }: { ctx: FormCtx }) {
  const { t } = useI18n();
  const writes = (getAt(ctx.profile, ['writes']) as unknown[] | undefined) ?? [];
  return (
    <fieldset data-testid="pf-writes">
      <legend>{t('profiles.f.writes')}</legend>
      {writes.length === 0 && <p className="muted small">{t('profiles.f.writesNone')}</p>}
      {writes.map((_, i) => (
        <div key={i} className="form-grid write-row">
          <SelectField ctx={ctx} path={['writes', i, 'when']} label="profiles.f.writeWhen" options={WRITE_WHEN} labels={(o) => t(`profiles.when.${o}` as MessageKey)} />
          <TextField ctx={ctx} path={['writes', i, 'hex']} label="profiles.f.writeHex" help="profiles.f.hexBytesHelp" />
          <TextField ctx={ctx} path={['writes', i, 'label']} label="profiles.f.writeLabel" optional />
          <button type="button" onClick={() => ctx.change(['writes'], writes.filter((__, j) => j !== i))} data-testid="pf-write-remove">
            {t('profiles.f.writeRemove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => ctx.change(['writes'], [...writes, { when: 'open', hex: '' }])} disabled={writes.length >= 16} data-testid="pf-write-add">
        {t('profiles.f.writeAdd')}
      </button>
    </fieldset>
  );
}

/** Advanced: the selected profile as JSON; a well-formed object replaces the form's values. */
function JsonView({ profile, onChange }: { profile: Profile; onChange(p: Profile): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(profile, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  // The form changed the profile: show it, unless this text is what produced it.
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text)) === JSON.stringify(profile)) return;
    } catch {
      /* being typed */
    }
    setText(JSON.stringify(profile, null, 2));
    setProblem(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile]);
  return (
    <label className="stack">
      {t('profiles.json')}
      <textarea
        className="json-editor mono"
        rows={12}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const v = JSON.parse(e.target.value) as unknown;
            if (!v || typeof v !== 'object' || Array.isArray(v)) return setProblem(t('profiles.notObject'));
            setProblem(null);
            onChange(v as Profile);
          } catch (err) {
            setProblem(t('profiles.jsonBad', { message: (err as Error).message }));
          }
        }}
        aria-invalid={!!problem || undefined}
        aria-describedby="profile-json-status"
        data-testid="profile-json"
      />
      <span id="profile-json-status" className={problem ? 'warn-text small' : 'ok-text small'} aria-live="polite">
        {problem ?? t('profiles.jsonOk')}
      </span>
    </label>
  );
}
