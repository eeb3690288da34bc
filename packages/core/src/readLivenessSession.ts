import * as z from 'zod/mini';
import { BiometricLoginError } from './BiometricLoginError.js';
import { isNonEmpty, jwtSchema, readJwtClaims } from './jwtClaims.js';

export interface ReadLivenessSessionOptions {
  /** The clock, in milliseconds since the epoch. */
  now?: () => number;
}

/** The claims read from the liveness-session JWT before anything is sent. */
export const livenessSessionClaimsSchema = z.looseObject({
  /** Which biometric validation this token may complete. */
  livenessSession: z.string().check(z.trim(), z.refine(isNonEmpty, 'empty')),
  /** Seconds since the epoch. */
  exp: z.optional(z.number().check(z.refine(Number.isFinite))),
});
export type LivenessSessionClaims = z.output<typeof livenessSessionClaimsSchema>;

export interface LivenessSession {
  livenessSession: string;
  /** When the token stops being accepted (from `exp`), in milliseconds since the epoch. */
  expiresAt: number | undefined;
  /** Every claim of the payload, unverified. */
  claims: Readonly<Record<string, unknown>>;
}

/**
 * Reads the liveness-session JWT's claims WITHOUT verifying its signature: a browser cannot hold the key,
 * so this only catches a malformed, claimless or expired token early. The API is what verifies it.
 * Throws SESSION_INVALID or SESSION_EXPIRED; the token itself never appears in the error.
 */
export function readLivenessSession(token: unknown, options: ReadLivenessSessionOptions = {}): LivenessSession {
  if (!jwtSchema.safeParse(token).success) {
    throw new BiometricLoginError('SESSION_INVALID', { detail: 'the session token is not a JWT (three base64url segments)' });
  }
  const claims = readJwtClaims(token);
  if (claims === undefined) throw new BiometricLoginError('SESSION_INVALID', { detail: 'the session token payload is not a JSON object' });
  const parsed = livenessSessionClaimsSchema.safeParse(claims);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === 'exp' ? 'a malformed exp claim' : 'no livenessSession claim';
    throw new BiometricLoginError('SESSION_INVALID', { detail: `the session token has ${field}` });
  }
  const { livenessSession, exp } = parsed.data;
  const expiresAt = exp === undefined ? undefined : exp * 1000;
  if (expiresAt !== undefined && expiresAt <= (options.now ?? Date.now)()) {
    throw new BiometricLoginError('SESSION_EXPIRED', { detail: 'the session token has expired' });
  }
  return { livenessSession, expiresAt, claims };
}
