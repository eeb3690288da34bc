/** What vite.config.ts needs to know about the build-time settings, checked so a bad deploy fails at build time. */
export type BuildSettings = { mode: 'sandbox' } | { mode: 'live'; apiOrigin: string };

function isSecureUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

function parseSecureUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (!isSecureUrl(url)) throw new Error(`${name} must be https (http only for localhost), got ${JSON.stringify(value)}`);
  return url;
}

/** Reads VITE_SANDBOX, VITE_API_BASE_URL, VITE_REDIRECT_URL and VITE_ALLOWED_REDIRECT_ORIGINS; throws on a contradiction. */
export function readBuildSettings(env: Record<string, string | undefined>): BuildSettings {
  const apiBaseUrl = env.VITE_API_BASE_URL?.trim() ?? '';
  if (env.VITE_SANDBOX === 'true') {
    // Both set is almost always a live deploy that forgot VITE_SANDBOX=false: refuse rather than ship a fake API.
    if (apiBaseUrl !== '') throw new Error('VITE_API_BASE_URL is set while VITE_SANDBOX=true: set VITE_SANDBOX=false for a real-API build');
    return { mode: 'sandbox' };
  }
  if (apiBaseUrl === '') throw new Error('A real-API build (VITE_SANDBOX is not "true") needs VITE_API_BASE_URL, e.g. https://api.verifik.co');
  const apiOrigin = parseSecureUrl('VITE_API_BASE_URL', apiBaseUrl).origin;
  const redirectUrl = env.VITE_REDIRECT_URL?.trim() ?? '';
  if (redirectUrl !== '') parseSecureUrl('VITE_REDIRECT_URL', redirectUrl);
  for (const origin of (env.VITE_ALLOWED_REDIRECT_ORIGINS ?? '').split(',').map((entry) => entry.trim())) {
    if (origin !== '') parseSecureUrl('VITE_ALLOWED_REDIRECT_ORIGINS', origin);
  }
  return { mode: 'live', apiOrigin };
}
