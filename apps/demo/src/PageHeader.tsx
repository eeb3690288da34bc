import { LanguageSelect, type LanguageSelectProps } from './LanguageSelect';

/** The banner both pages share: the project's name and the language switch. */
export function PageHeader(props: LanguageSelectProps) {
  return (
    <header className="demo-header">
      <div className="demo-header-inner">
        <a className="demo-brand" href={import.meta.env.BASE_URL}>
          <span className="demo-brand-mark" aria-hidden="true" />
          biometric-login
        </a>
        <LanguageSelect {...props} />
      </div>
    </header>
  );
}
