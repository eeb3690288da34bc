import { BiometricLoginError } from './BiometricLoginError.js';

export interface BuildRedirectUrlOptions {
  /** When given, the redirect's origin must be one of these (e.g. `https://app.example.com`). */
  allowedOrigins?: readonly string[];
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function refuse(detail: string, cause?: unknown): never {
  throw new BiometricLoginError('REDIRECT_NOT_ALLOWED', { detail, cause });
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Checks a redirect URL without a token: the same rules `buildRedirectUrl` applies. */
export function checkRedirectUrl(redirectUrl: unknown, options: BuildRedirectUrlOptions = {}): URL {
  if (typeof redirectUrl !== 'string' || redirectUrl.trim() === '') refuse('no redirect URL was given');
  let url: URL;
  try {
    url = new URL(redirectUrl.trim());
  } catch (cause) {
    refuse('the redirect URL is not an absolute URL', cause);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  if (!secure) refuse('the redirect URL must be https (http only for localhost)');
  // user:pass@host is a classic way to make a foreign host look trusted.
  if (url.username !== '' || url.password !== '') refuse('the redirect URL must not carry credentials');
  if (options.allowedOrigins !== undefined) {
    const allowed = new Set(options.allowedOrigins.map(originOf).filter((origin) => origin !== undefined));
    if (!allowed.has(url.origin)) refuse('the redirect URL is outside the allowed origins');
  }
  return url;
}

/**
 * The URL to send the browser to after a successful login: the project flow's redirect URL with
 * `token=<login token>` set in its query string, its other parameters and its hash kept as they were.
 */
export function buildRedirectUrl(redirectUrl: unknown, token: unknown, options: BuildRedirectUrlOptions = {}): string {
  const url = checkRedirectUrl(redirectUrl, options);
  if (typeof token !== 'string' || token === '') refuse('there is no login token to pass on');
  // Rebuilt by hand rather than through searchParams, which would re-encode every other parameter.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTokenParameter(pair));
  url.search = [...kept, `token=${encodeURIComponent(token)}`].join('&');
  return url.href;
}

function isTokenParameter(pair: string): boolean {
  const key = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replace(/\+/g, ' ')) === 'token';
  } catch {
    return false;
  }
}
