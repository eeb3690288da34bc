import { BiometricLogin } from '@biometric-login/react';
import { useMemo } from 'react';
import type { DemoConfig } from './demoConfig';
import { LoginSkeleton } from './LoginSkeleton';
import { NoticeBox } from './NoticeBox';
import type { DemoLocale, DemoText } from './text';
import { useIsClient } from './useIsClient';

export interface LiveDemoProps {
  config: DemoConfig;
  locale: DemoLocale;
  text: DemoText['login'];
  /** The liveness-session token read from `#token=…` before the first render. */
  initialToken: string | undefined;
}

/**
 * The real API: the session comes from the app that sent the person here, in the fragment, read once at load
 * (main.tsx). A later change of the fragment is not a new session: anything able to set this tab's address without
 * a reload (a link opened in it, a script holding a reference to the window) could otherwise swap the session under
 * a login that is running, with the person's face about to be sent. A new login link takes effect on reload.
 */
export function LiveDemo({ config, locale, text, initialToken: token }: LiveDemoProps) {
  const isClient = useIsClient();
  const projectFlow = useMemo(() => ({ redirectUrl: config.redirectUrl }), [config.redirectUrl]);

  // The prerendered page cannot know the token in the address: hydrate with the placeholder, then show it.
  if (!isClient) return <LoginSkeleton />;
  if (token === undefined) return <NoticeBox notice={text.noSession} tone="warning" />;
  return (
    <BiometricLogin
      className="demo-login"
      token={token}
      projectFlow={projectFlow}
      apiBaseUrl={config.apiBaseUrl}
      allowedRedirectOrigins={config.allowedRedirectOrigins}
      locale={locale}
    />
  );
}
