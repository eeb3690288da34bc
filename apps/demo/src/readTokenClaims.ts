import { readJwtClaims } from '@biometric-login/react';

export interface Claim {
  name: string;
  /** Whatever the payload holds: any JSON value, or anything else a decoder returns. */
  value: unknown;
}

export type TokenClaims = { status: 'none' } | { status: 'malformed' } | { status: 'decoded'; claims: readonly Claim[] };

/**
 * The claims of the token in the address, for display: unverified, and never an exception (core's decoder returns
 * `undefined` for anything that is not a JWT with an object payload). This is the demo's only call of a JWT decoder.
 */
export function readTokenClaims(token: string | undefined): TokenClaims {
  if (token === undefined) return { status: 'none' };
  const payload = readJwtClaims(token);
  if (payload === undefined) return { status: 'malformed' };
  return { status: 'decoded', claims: Object.entries(payload).map(([name, value]) => ({ name, value })) };
}
