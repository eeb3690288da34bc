import { readJwtClaims } from '@biometric-login/react';

export interface Claim {
  name: string;
  /** Whatever the payload holds: any JSON value, or anything else a decoder returns. */
  value: unknown;
}

export type TokenClaims = { status: 'none' } | { status: 'malformed' } | { status: 'decoded'; claims: readonly Claim[] };

/**
 * The claims of the token in the address, for display: unverified, and never an exception, whatever the decoder
 * returns or throws. This is the demo's only call of a JWT decoder.
 */
export function readTokenClaims(token: string | undefined): TokenClaims {
  if (token === undefined) return { status: 'none' };
  try {
    const payload = readJwtClaims(token);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { status: 'malformed' };
    return { status: 'decoded', claims: Object.entries(payload).map(([name, value]) => ({ name, value })) };
  } catch {
    return { status: 'malformed' };
  }
}
