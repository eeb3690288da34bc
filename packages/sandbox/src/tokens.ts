import { base64url, errors, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';

export const sandboxTokenErrorCodes = ['invalid_token', 'token_expired', 'not_a_login_token'] as const;
export type SandboxTokenErrorCode = (typeof sandboxTokenErrorCodes)[number];

/** Thrown by `verifyLoginToken`; branch on `code`. */
export class SandboxTokenError extends Error {
  override readonly name = 'SandboxTokenError';
  readonly code: SandboxTokenErrorCode;

  constructor(code: SandboxTokenErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.code = code;
  }
}

export interface SignedToken {
  token: string;
  /** Seconds since the epoch, as in the JWT. */
  issuedAt: number;
  expiresAt: number;
}

export interface TokenKey {
  sign(claims: JWTPayload, expiresInSeconds: number): Promise<SignedToken>;
  /** Resolves the payload of a token this key signed and that has not expired; throws SandboxTokenError otherwise. */
  verify(token: string): Promise<JWTPayload>;
}

export function createTokenKey(secret: string, now: () => number): TokenKey {
  // A JWK rather than raw bytes: jose's `instanceof Uint8Array` check fails across realms (jsdom tests).
  const key: JWK = { kty: 'oct', k: base64url.encode(secret) };
  return {
    async sign(claims, expiresInSeconds) {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + expiresInSeconds;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { token, issuedAt, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          // Pinning the algorithm refuses `alg: none` and key-confusion tricks.
          algorithms: ['HS256'],
          currentDate: new Date(now()),
          requiredClaims: ['iat', 'exp'],
        });
        return payload;
      } catch (error) {
        // jose checks the signature before the claims, so an expired forgery is still `invalid_token`.
        throw new SandboxTokenError(error instanceof errors.JWTExpired ? 'token_expired' : 'invalid_token', { cause: error });
      }
    },
  };
}

/** A random HS256 key, so two sandboxes never accept each other's tokens. */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}
