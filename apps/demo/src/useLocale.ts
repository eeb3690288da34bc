import { useEffect, useSyncExternalStore } from 'react';
import { type DemoLocale, demoLocales } from './text';

// Shared by both pages, so the callback page keeps the language chosen on the login page.
// public/prerender-locale.js reads the same key before the first paint: keep the two in step.
const storageKey = 'biometric-login-demo:locale';

/** The language index.html is prerendered in at build time. */
const prerenderedLocale: DemoLocale = 'en';

/**
 * Set on <html> by public/prerender-locale.js when the person's language is not the prerendered one: the
 * prerendered page stays hidden until React has rendered it in their language.
 */
const prerenderHiddenAttribute = 'data-prerender-hidden';

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

/** The language chosen before (remembered), else the browser's. */
function preferredLocale(stored: string | null, browserLanguage: string): DemoLocale {
  if (isDemoLocale(stored)) return stored;
  return browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
}

let current: DemoLocale | undefined;
const listeners = new Set<() => void>();

function clientLocale(): DemoLocale {
  current ??= preferredLocale(readStoredLocale(), navigator.language);
  return current;
}

function chooseLocale(locale: DemoLocale): void {
  current = locale;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered; the page still works.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The page language: kept on <html lang> for assistive technology and remembered across pages. While React
 * hydrates the prerendered page it is the prerendered language (so hydration matches the HTML), then the
 * person's own.
 */
export function useLocale(): [DemoLocale, (locale: DemoLocale) => void] {
  const locale = useSyncExternalStore(subscribe, clientLocale, () => prerenderedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    if (locale === clientLocale()) document.documentElement.removeAttribute(prerenderHiddenAttribute);
  }, [locale]);
  return [locale, chooseLocale];
}
