import { useId, useRef } from 'react';
import { useChoiceMadeBeforeHydration } from './useChoiceMadeBeforeHydration';
import { isDemoLocale } from './useLocale';
import { type DemoLocale, demoLocales, languageNames } from './text';

export interface LanguageSelectProps {
  label: string;
  locale: DemoLocale;
  onChange: (locale: DemoLocale) => void;
}

export function LanguageSelect({ label, locale, onChange }: LanguageSelectProps) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const choose = (value: string) => {
    if (isDemoLocale(value)) onChange(value);
  };
  useChoiceMadeBeforeHydration(() => select.current?.value, locale, choose);
  return (
    <div className="demo-language">
      <label htmlFor={id}>{label}</label>
      <select ref={select} id={id} className="demo-select" value={locale} onChange={(event) => choose(event.target.value)}>
        {demoLocales.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
