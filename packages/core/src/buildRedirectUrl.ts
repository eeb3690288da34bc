import { BiometricLoginError } from './BiometricLoginError.js';
import { isSecureTransport, parseUrl } from './secureTransport.js';
import { isWellFormedText } from './validateAnswerSchema.js';

export interface BuildRedirectUrlOptions {
  /** When given, the redirect's origin must be one of these (e.g. `https://app.example.com`). */
  allowedOrigins?: readonly string[];
}

function refuse(detail: string): never {
  throw new BiometricLoginError('REDIRECT_NOT_ALLOWED', { detail });
}

/** Checks a redirect URL without a token: the same rules `buildRedirectUrl` applies. */
export function checkRedirectUrl(redirectUrl: unknown, options: BuildRedirectUrlOptions = {}): URL {
  if (typeof redirectUrl !== 'string' || redirectUrl.trim() === '') refuse('no redirect URL was given');
  const url = parseUrl(redirectUrl.trim()) ?? refuse('the redirect URL is not an absolute URL');
  if (!isSecureTransport(url)) refuse('the redirect URL must be https (http only for localhost)');
  // user:pass@host is a classic way to make a foreign host look trusted.
  if (url.username !== '' || url.password !== '') refuse('the redirect URL must not carry credentials');
  const { allowedOrigins } = options;
  if (allowedOrigins !== undefined) {
    if (!Array.isArray(allowedOrigins)) refuse('allowedOrigins must be an array of origins');
    const allowed = new Set(allowedOrigins.map((origin) => (typeof origin === 'string' ? parseUrl(origin)?.origin : undefined)));
    if (!allowed.has(url.origin)) refuse('the redirect URL is outside the allowed origins');
  }
  return url;
}

/**
 * The URL to send the browser to after a successful login: the project flow's redirect URL with
 * `token=<login token>` set in its query string, its other parameters and its hash kept as they were.
 * Throws REDIRECT_NOT_ALLOWED for a refused URL, INVALID_RESPONSE for a token that is not one.
 */
export function buildRedirectUrl(redirectUrl: unknown, token: unknown, options: BuildRedirectUrlOptions = {}): string {
  const url = checkRedirectUrl(redirectUrl, options);
  if (typeof token !== 'string' || token === '' || !isWellFormedText(token)) {
    throw new BiometricLoginError('INVALID_RESPONSE', { detail: 'there is no well-formed login token to pass on' });
  }
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
