import { LOCALES, useI18n, type Locale } from '../i18n';

export function LanguageSelect() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="lang">
      {t('lang.label')}{' '}
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="language">
        {Object.entries(LOCALES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
