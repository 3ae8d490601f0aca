import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { th } from './th';
import { vi } from './vi';
import { id } from './id';

export const LOCALES = { en: 'English', th: 'ไทย', vi: 'Tiếng Việt', id: 'Bahasa Indonesia' } as const;
export type Locale = keyof typeof LOCALES;
const catalogues: Record<Locale, Messages> = { en, th, vi, id };
const STORAGE_KEY = 'checkpoint.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved && saved in LOCALES ? (saved as Locale) : 'en';
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** `YYYY-MM-DD` (as the MRZ gives it) formatted for the locale, in UTC so the date never shifts. */
  date(iso: string): string;
  number(n: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const numFmt = new Intl.NumberFormat(locale);
    return {
      locale,
      setLocale,
      t(key, vars) {
        let s = catalogues[locale][key] ?? en[key];
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
      date(iso) {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
        return d && !Number.isNaN(d.getTime()) ? dateFmt.format(d) : iso;
      },
      number: (n) => numFmt.format(n),
    };
  }, [locale, setLocale]);
  document.documentElement.lang = locale;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
