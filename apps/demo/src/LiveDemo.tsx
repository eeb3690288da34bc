import { BiometricLogin } from '@biometric-login/react';
import { useEffect, useMemo, useState } from 'react';
import type { DemoConfig } from './demoConfig';
import { LoginSkeleton } from './LoginSkeleton';
import { NoticeBox } from './NoticeBox';
import { takeTokenFromFragment } from './takeTokenFromAddress';
import type { DemoLocale, DemoText } from './text';
import { useIsClient } from './useIsClient';

export interface LiveDemoProps {
  config: DemoConfig;
  locale: DemoLocale;
  text: DemoText['login'];
  /** The liveness-session token read from `#token=…` before the first render. */
  initialToken: string | undefined;
}

/** The real API: the session comes from the app that sent the person here, in the fragment. */
export function LiveDemo({ config, locale, text, initialToken }: LiveDemoProps) {
  const [token, setToken] = useState(initialToken);
  const isClient = useIsClient();
  const projectFlow = useMemo(() => ({ redirectUrl: config.redirectUrl }), [config.redirectUrl]);

  // A new login link opened in this tab changes only the fragment: no reload, so listen for it.
  useEffect(() => {
    const takeNewToken = () => {
      const next = takeTokenFromFragment(window.location, window.history);
      if (next !== undefined) setToken(next);
    };
    window.addEventListener('hashchange', takeNewToken);
    return () => window.removeEventListener('hashchange', takeNewToken);
  }, []);

  // The prerendered page cannot know the token in the address: hydrate with the placeholder, then show it.
  if (!isClient) return <LoginSkeleton />;
  if (token === undefined) return <NoticeBox notice={text.noSession} tone="warning" />;
  return (
    <BiometricLogin
      key={token}
      className="demo-login"
      token={token}
      projectFlow={projectFlow}
      apiBaseUrl={config.apiBaseUrl}
      allowedRedirectOrigins={config.allowedRedirectOrigins}
      locale={locale}
    />
  );
}
