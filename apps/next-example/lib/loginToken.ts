import { errors, jwtVerify } from 'jose';

/** Why a login token was refused; the browser is only told that it was. */
export type LoginTokenRefusal = 'missing' | 'invalid' | 'expired' | 'notALoginToken' | 'replayed';

export interface AcceptedLogin {
  /** The validation id, unique per successful face login. */
  sub: string;
  livenessSession: string;
}

export type LoginTokenVerdict = { ok: true; login: AcceptedLogin } | { ok: false; refusal: LoginTokenRefusal };

/** A login token is exchanged at once after the redirect; an older one is refused even if the API let it live longer. */
export const maxLoginTokenAgeSeconds = 5 * 60;

export interface LoginTokenCheckerOptions {
  key: Uint8Array;
  now?: () => number;
}

/**
 * Verifies the signature (HS256 only), expiry, age and kind of a login token, and accepts each one once.
 * Used ids are kept in this process until the token could no longer be accepted anyway; an app with more
 * than one server process keeps them in its shared store (a database or Redis key with that expiry).
 */
export function createLoginTokenChecker(options: LoginTokenCheckerOptions) {
  const now = options.now ?? Date.now;
  const used = new Map<string, number>();

  function forgetStale(nowSeconds: number): void {
    for (const [sub, until] of used) if (until <= nowSeconds) used.delete(sub);
  }

  return async function accept(token: string | null): Promise<LoginTokenVerdict> {
    if (token === null || token === '') return { ok: false, refusal: 'missing' };
    const currentDate = new Date(now());
    let payload;
    try {
      ({ payload } = await jwtVerify(token, options.key, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'iat', 'exp'],
        maxTokenAge: maxLoginTokenAgeSeconds,
        currentDate,
      }));
    } catch (error) {
      // jose checks the signature first: a forged token is `invalid` however old it claims to be.
      return { ok: false, refusal: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
    // The liveness-session token is signed with the same key: only an `app-login` token opens a session.
    const { sub, livenessSession, type, iat, exp } = payload;
    if (type !== 'app-login' || typeof sub !== 'string' || typeof livenessSession !== 'string') return { ok: false, refusal: 'notALoginToken' };
    const nowSeconds = Math.floor(currentDate.getTime() / 1000);
    forgetStale(nowSeconds);
    if (used.has(sub)) return { ok: false, refusal: 'replayed' };
    // Remembered until jose would refuse the token anyway (requiredClaims guarantees iat and exp).
    used.set(sub, Math.min(exp ?? 0, (iat ?? 0) + maxLoginTokenAgeSeconds));
    return { ok: true, login: { sub, livenessSession } };
  };
}
