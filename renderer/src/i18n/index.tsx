import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { th } from './th';
import { vi } from './vi';
import { id } from './id';

export type { MessageKey } from './en';
export const LOCALES = { en: 'English', th: 'ไทย', vi: 'Tiếng Việt', id: 'Bahasa Indonesia' } as const;
export type Locale = keyof typeof LOCALES;
const catalogues: Record<Locale, Messages> = { en, th, vi, id };
const STORAGE_KEY = 'checkpoint.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved && saved in LOCALES ? (saved as Locale) : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** `YYYY-MM-DD` (as the MRZ gives it) formatted for the locale, in UTC so the date never shifts. */
  date(iso: string): string;
  /** An ISO instant in the workstation's local time, date and time. */
  dateTime(iso: string | number | null | undefined): string;
  number(n: number, maxFractionDigits?: number): string;
  /**
   * A message for a failure the person can act on: the core's error code translated when we know it,
   * else the core's own sentence (already written for people). Never a stack trace.
   */
  errorText(e: unknown): string;
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
    // Gregorian calendar in every language: documents print Gregorian dates (a Thai locale would
    // otherwise show Buddhist-era years that the officer cannot compare with the page).
    const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC', calendar: 'gregory' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', calendar: 'gregory' });
    const numFmts = new Map<number, Intl.NumberFormat>();
    const numFmt = (digits: number) => {
      let f = numFmts.get(digits);
      if (!f) numFmts.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return f;
    };
    const t: I18n['t'] = (key, vars) => {
      let s = catalogues[locale][key] ?? en[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    return {
      locale,
      setLocale,
      t,
      date(iso) {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
        return d && !Number.isNaN(d.getTime()) ? dateFmt.format(d) : iso;
      },
      dateTime(iso) {
        if (iso === null || iso === undefined || iso === '') return '—';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFmt.format(d);
      },
      number: (n, digits = 1) => numFmt(digits).format(n),
      errorText(e) {
        const code = (e as { code?: unknown })?.code;
        if (typeof code === 'string' && isMessageKey(`error.${code}`)) return t(`error.${code}` as MessageKey);
        const message = (e as { message?: unknown })?.message;
        // Core messages are sentences for people; anything else (a bug) gets a generic, actionable line.
        return typeof message === 'string' && message && !/\n\s+at /.test(message) ? message : t('error.unexpected');
      },
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
