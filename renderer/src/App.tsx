import { LOCALES, useI18n, type Locale } from './i18n';
import { OfficerScreen } from './screens/OfficerScreen';

export function App() {
  const { t, locale, setLocale } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <label className="lang">
          {t('lang.label')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {Object.entries(LOCALES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <OfficerScreen />
    </>
  );
}
