import { useEffect } from 'react';
import type { DemoConfig } from './demoConfig';
import { LiveDemo } from './LiveDemo';
import { NoticeBox } from './NoticeBox';
import { PageHeader } from './PageHeader';
import { SandboxDemo } from './SandboxDemo';
import { demoTexts } from './text';
import { useLocale } from './useLocale';

export interface LoginPageProps {
  config: DemoConfig;
  /** Live mode only: the session token taken from the fragment at startup. */
  initialToken: string | undefined;
}

export function LoginPage({ config, initialToken }: LoginPageProps) {
  const [locale, setLocale] = useLocale();
  const text = demoTexts[locale];
  useEffect(() => {
    document.title = text.login.documentTitle;
  }, [text]);

  return (
    <>
      <PageHeader label={text.languageLabel} locale={locale} onChange={setLocale} />
      <main className="demo-main">
        <h1>{text.login.heading}</h1>
        <p className="demo-lead">{text.login.intro}</p>
        {config.mode === 'sandbox' ? (
          <>
            <NoticeBox notice={text.login.sandboxNote} tone="info" />
            <SandboxDemo config={config} locale={locale} text={text.login} />
          </>
        ) : (
          <>
            <NoticeBox notice={text.login.liveNote(new URL(config.apiBaseUrl).host)} tone="info" />
            <LiveDemo config={config} locale={locale} text={text.login} initialToken={initialToken} />
          </>
        )}
      </main>
    </>
  );
}
