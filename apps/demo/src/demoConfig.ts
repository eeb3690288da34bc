export interface DemoConfig {
  /** 'sandbox': the offline API on this page's origin, with a scenario picker. 'live': the real API. */
  mode: 'sandbox' | 'live';
  apiBaseUrl: string;
  /** Where a successful login sends the browser, with `?token=` added. */
  redirectUrl: string;
  allowedRedirectOrigins: readonly string[];
}

export interface DemoEnv {
  VITE_SANDBOX?: string;
  VITE_API_BASE_URL?: string;
  VITE_REDIRECT_URL?: string;
  VITE_ALLOWED_REDIRECT_ORIGINS?: string;
  BASE_URL: string;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * The demo's settings come from the build only. NEVER read the API base URL or the redirect URL from the
 * page's query string or fragment: a crafted link could then send a person's face, or their login token,
 * to a server of the attacker's choosing.
 */
export function readDemoConfig(env: DemoEnv, pageOrigin: string): DemoConfig {
  const callbackUrl = new URL(`${env.BASE_URL}callback.html`, pageOrigin).href;
  if (env.VITE_SANDBOX === 'true') {
    return { mode: 'sandbox', apiBaseUrl: pageOrigin, redirectUrl: callbackUrl, allowedRedirectOrigins: [pageOrigin] };
  }
  const allowed = listOf(env.VITE_ALLOWED_REDIRECT_ORIGINS);
  return {
    mode: 'live',
    // vite.config.ts refuses a live build without it; the fallback is the component's own default.
    apiBaseUrl: env.VITE_API_BASE_URL?.trim() || 'https://api.verifik.co',
    redirectUrl: env.VITE_REDIRECT_URL?.trim() || callbackUrl,
    allowedRedirectOrigins: allowed.length > 0 ? allowed : [pageOrigin],
  };
}
