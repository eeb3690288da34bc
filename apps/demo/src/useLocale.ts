import { useEffect, useState } from 'react';
import { type DemoLocale, demoLocales } from './text';

// Shared by both pages, so the callback page keeps the language chosen on the login page.
const storageKey = 'biometric-login-demo:locale';

export function isDemoLocale(value: unknown): value is DemoLocale {
  return typeof value === 'string' && (demoLocales as readonly string[]).includes(value);
}

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames): fall back to the browser's language.
    return null;
  }
}

function initialLocale(): DemoLocale {
  const stored = readStoredLocale();
  if (isDemoLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The page language: kept on <html lang> for assistive technology and remembered across pages. */
export function useLocale(): [DemoLocale, (locale: DemoLocale) => void] {
  const [locale, setLocale] = useState(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      window.localStorage.setItem(storageKey, locale);
    } catch {
      // Not remembered; the page still works.
    }
  }, [locale]);
  return [locale, setLocale];
}
