import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Card, Tabs } from '../../components/Tabs';
import { useLoad } from '../../components/useLoad';
import { useI18n, type MessageKey } from '../../i18n';
import { ChainVerify } from '../supervisor/ExportView';
import { DoctorView } from '../technician/DoctorView';
import { useSection } from '../../components/useSection';
import { PolicyView } from './PolicyView';

type Section = 'users' | 'policy' | 'verify' | 'doctor';
const ROLES: Role[] = ['officer', 'supervisor', 'technician', 'admin'];

/** Administrator: accounts, workstation policy, the chain check and the health checks. */
export function AdminScreen() {
  const { t } = useI18n();
  const [section, setSection] = useSection<Section>('admin', 'users');
  return (
    <main id="main" className="admin" aria-labelledby="admin-title">
      <h1 id="admin-title" className="visually-hidden">
        {t('admin.title')}
      </h1>
      <Tabs<Section>
        label={t('admin.title')}
        current={section}
        onChange={setSection}
        tabs={[
          { key: 'users', label: t('admin.users') },
          { key: 'policy', label: t('policy.title') },
          { key: 'verify', label: t('verify.title') },
          { key: 'doctor', label: t('technician.doctor') },
        ]}
      />
      {section === 'users' && <Users />}
      {section === 'policy' && <PolicyView />}
      {section === 'verify' && <ChainVerify />}
      {section === 'doctor' && <DoctorView />}
    </main>
  );
}

function Users() {
  const { t, dateTime } = useI18n();
  const { data, error, reload } = useLoad(() => call('users.list', {}));
  const [form, setForm] = useState({ username: '', displayName: '', role: 'officer' as Role, site: '', password: '' });
  const [addError, setAddError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setAddError(null);
    setAdded(null);
    try {
      const u = await call('users.add', {
        username: form.username,
        role: form.role,
        password: form.password,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
        site: form.site.trim() || null,
      });
      setAdded(u.username);
      setForm({ ...form, username: '', displayName: '', password: '' });
      void reload();
    } catch (err) {
      setAddError(err);
    }
  }

  return (
    <div className="two-col">
      <Card title={t('admin.users')} id="users-title" testId="users">
        <ErrorNote error={error} />
        {data && (
          <table className="table" data-testid="user-list">
            <thead>
              <tr>
                <th scope="col">{t('login.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.site')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.created')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((u) => (
                <tr key={u.username}>
                  <td className="mono">{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{t(`role.${u.role}` as MessageKey)}</td>
                  <td>{u.site ?? '—'}</td>
                  <td>
                    {u.disabled
                      ? t('users.disabled')
                      : u.lockedUntil
                        ? t('users.lockedUntil', { time: dateTime(u.lockedUntil) })
                        : u.mustChangePassword
                          ? t('users.mustChange')
                          : t('users.active')}
                  </td>
                  <td>{dateTime(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('users.add')} id="add-user-title" testId="add-user">
        <form onSubmit={add} className="stack-form">
          <label className="stack">
            {t('login.username')}
            <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required autoComplete="off" data-testid="new-username" />
          </label>
          <label className="stack">
            {t('users.displayName')}
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} autoComplete="off" />
          </label>
          <label className="stack">
            {t('users.role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} data-testid="new-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="stack">
            {t('users.site')}
            <input value={form.site} onChange={(e) => setForm({ ...form, site: e.target.value })} autoComplete="off" />
          </label>
          <label className="stack">
            {t('users.tempPassword')}
            <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" data-testid="new-password" />
          </label>
          <p className="muted small">{t('users.tempHelp')}</p>
          <button type="submit" className="primary" data-testid="add-user-submit">
            {t('users.add')}
          </button>
          <ErrorNote error={addError} />
          {added && (
            <p className="ok-text" role="status">
              ✔ {t('users.added', { username: added })}
            </p>
          )}
        </form>
      </Card>
    </div>
  );
}
