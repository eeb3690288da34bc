import { type ReactNode, useEffect, useMemo } from 'react';
import { ClaimList } from './ClaimList';
import { NoticeBox } from './NoticeBox';
import { PageHeader } from './PageHeader';
import { readTokenClaims } from './readTokenClaims';
import { type DemoLocale, type DemoText, demoTexts, type Notice } from './text';
import { useLocale } from './useLocale';

export interface CallbackPageProps {
  /** The login token taken from `?token=…` at startup. */
  token: string | undefined;
  openedAt: number;
}

/** The page's frame: the header, the title and the way back to the login, around what is shown. */
function CallbackFrame({ children }: { children: (text: DemoText['callback'], locale: DemoLocale) => ReactNode }) {
  const [locale, setLocale] = useLocale();
  const text = demoTexts[locale].callback;
  useEffect(() => {
    document.title = text.documentTitle;
  }, [text]);
  return (
    <>
      <PageHeader label={demoTexts[locale].languageLabel} locale={locale} onChange={setLocale} />
      <main className="demo-main demo-callback">
        {children(text, locale)}
        <p>
          <a className="demo-button" href={import.meta.env.BASE_URL}>
            {text.loginAgain}
          </a>
        </p>
      </main>
    </>
  );
}

function Message({ notice }: { notice: Notice }) {
  return (
    <>
      <h1>{notice.title}</h1>
      <p className="demo-lead">{notice.body}</p>
    </>
  );
}

/** Where a successful login lands: shows the token and its claims, decoded but NOT verified. */
export function CallbackPage({ token, openedAt }: CallbackPageProps) {
  const reading = useMemo(() => readTokenClaims(token), [token]);
  return (
    <CallbackFrame>
      {(text, locale) => {
        switch (reading.status) {
          case 'none':
            return <Message notice={text.noToken} />;
          case 'malformed':
            return <Message notice={text.malformed} />;
          case 'decoded':
            return (
              <>
                <h1>{text.heading}</h1>
                <p className="demo-lead">{text.intro}</p>
                <NoticeBox notice={text.notVerified} tone="warning" />
                <section className="demo-panel" aria-labelledby="claims-heading">
                  <h2 id="claims-heading">{text.claimsHeading}</h2>
                  <ClaimList
                    claims={reading.claims}
                    names={text.claimNames}
                    expiredLabel={text.expired}
                    truncated={text.truncated}
                    moreClaims={text.moreClaims}
                    locale={locale}
                    now={openedAt}
                  />
                </section>
                <section className="demo-panel" aria-labelledby="token-heading">
                  <h2 id="token-heading">{text.tokenHeading}</h2>
                  <p className="demo-token">
                    <code>{token}</code>
                  </p>
                </section>
              </>
            );
        }
      }}
    </CallbackFrame>
  );
}

/** What the callback page shows when it failed to render what it received. */
export function CallbackFailed() {
  return <CallbackFrame>{(text) => <Message notice={text.failed} />}</CallbackFrame>;
}
