import { useEffect, useMemo } from 'react';
import { ClaimList } from './ClaimList';
import { decodeJwtPayload } from './decodeJwtPayload';
import { NoticeBox } from './NoticeBox';
import { PageHeader } from './PageHeader';
import { demoTexts } from './text';
import { useLocale } from './useLocale';

export interface CallbackPageProps {
  /** The login token taken from `?token=…` at startup. */
  token: string | undefined;
  openedAt: number;
}

/** Where a successful login lands: shows the token and its claims, decoded but NOT verified. */
export function CallbackPage({ token, openedAt }: CallbackPageProps) {
  const [locale, setLocale] = useLocale();
  const text = demoTexts[locale].callback;
  useEffect(() => {
    document.title = text.documentTitle;
  }, [text]);
  const decoded = useMemo(() => (token === undefined ? undefined : decodeJwtPayload(token)), [token]);

  return (
    <>
      <PageHeader label={demoTexts[locale].languageLabel} locale={locale} onChange={setLocale} />
      <main className="demo-main demo-callback">
        {decoded?.status === 'decoded' ? (
          <>
            <h1>{text.heading}</h1>
            <p className="demo-lead">{text.intro}</p>
            <NoticeBox notice={text.notVerified} tone="warning" />
            <section className="demo-panel" aria-labelledby="claims-heading">
              <h2 id="claims-heading">{text.claimsHeading}</h2>
              <ClaimList claims={decoded.claims} names={text.claimNames} expiredLabel={text.expired} locale={locale} now={openedAt} />
            </section>
            <section className="demo-panel" aria-labelledby="token-heading">
              <h2 id="token-heading">{text.tokenHeading}</h2>
              <p className="demo-token">
                <code>{token}</code>
              </p>
            </section>
          </>
        ) : (
          <>
            <h1>{decoded === undefined ? text.noToken.title : text.malformed.title}</h1>
            <p className="demo-lead">{decoded === undefined ? text.noToken.body : text.malformed.body}</p>
          </>
        )}
        <p>
          <a className="demo-button" href={import.meta.env.BASE_URL}>
            {text.loginAgain}
          </a>
        </p>
      </main>
    </>
  );
}
