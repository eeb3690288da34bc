import { useId } from 'react';
import { isDemoLocale } from './useLocale';
import { type DemoLocale, demoLocales, languageNames } from './text';

export interface LanguageSelectProps {
  label: string;
  locale: DemoLocale;
  onChange: (locale: DemoLocale) => void;
}

export function LanguageSelect({ label, locale, onChange }: LanguageSelectProps) {
  const id = useId();
  return (
    <div className="demo-language">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="demo-select"
        value={locale}
        onChange={(event) => {
          if (isDemoLocale(event.target.value)) onChange(event.target.value);
        }}
      >
        {demoLocales.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
