import { BiometricLoginError } from './BiometricLoginError.js';

export interface ReadLivenessSessionOptions {
  /** The clock, in milliseconds since the epoch. */
  now?: () => number;
}

export interface LivenessSession {
  /** The `livenessSession` claim: which biometric validation this token may complete. */
  livenessSession: string;
  /** When the token stops being accepted (from `exp`), in milliseconds since the epoch. */
  expiresAt: number | undefined;
  /** Every claim of the payload, unverified. */
  claims: Readonly<Record<string, unknown>>;
}

function decodeBase64Url(segment: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function decodePayload(token: string): Record<string, unknown> {
  const segments = token.split('.');
  if (segments.length !== 3 || segments[0] === '' || segments[1] === undefined) throw new Error('not a JWT');
  const payload: unknown = JSON.parse(decodeBase64Url(segments[1]));
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Error('payload is not an object');
  return payload as Record<string, unknown>;
}

/**
 * Reads the liveness-session JWT's claims WITHOUT verifying its signature: a browser cannot hold the key,
 * so this only catches a malformed or expired token early. The API is what verifies it.
 */
export function readLivenessSession(token: unknown, options: ReadLivenessSessionOptions = {}): LivenessSession {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new BiometricLoginError('SESSION_INVALID', { detail: 'no session token was given' });
  }
  let claims: Record<string, unknown>;
  try {
    claims = decodePayload(token.trim());
  } catch (cause) {
    throw new BiometricLoginError('SESSION_INVALID', { detail: 'the session token is not a well-formed JWT', cause });
  }
  const { livenessSession, exp } = claims;
  if (typeof livenessSession !== 'string' || livenessSession.trim() === '') {
    throw new BiometricLoginError('SESSION_INVALID', { detail: 'the session token has no livenessSession claim' });
  }
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) {
    throw new BiometricLoginError('SESSION_INVALID', { detail: 'the session token has a malformed exp claim' });
  }
  const expiresAt = exp === undefined ? undefined : exp * 1000;
  const now = (options.now ?? Date.now)();
  if (expiresAt !== undefined && expiresAt <= now) {
    throw new BiometricLoginError('SESSION_EXPIRED', { detail: 'the session token has expired' });
  }
  return { livenessSession, expiresAt, claims };
}
