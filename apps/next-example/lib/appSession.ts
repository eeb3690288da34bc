import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import type { NextResponse } from 'next/server';
import type { AcceptedLogin } from './loginToken';
import type { Settings } from './settings';

/** The app's own session, opened once a login token has been accepted: a signed, httpOnly cookie. */
export const sessionCookieName = 'session';
const sessionSeconds = 8 * 60 * 60;

export interface AppSession {
  /** The validation id of the face login that opened it. */
  validationId: string;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure wherever a browser keeps a Secure cookie: https, and loopback addresses, which browsers treat as secure. */
function isSecureOrigin(appOrigin: string): boolean {
  const url = new URL(appOrigin);
  return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
}

export async function openAppSession(response: NextResponse, login: AcceptedLogin, settings: Pick<Settings, 'sessionKey' | 'appOrigin'>): Promise<void> {
  const value = await new SignJWT().setProtectedHeader({ alg: 'HS256' }).setSubject(login.sub).setIssuedAt().setExpirationTime(`${sessionSeconds}s`).sign(settings.sessionKey);
  response.cookies.set(sessionCookieName, value, {
    httpOnly: true,
    secure: isSecureOrigin(settings.appOrigin),
    sameSite: 'lax',
    path: '/',
    maxAge: sessionSeconds,
  });
}

export function closeAppSession(response: NextResponse): void {
  response.cookies.delete(sessionCookieName);
}

/** The session a cookie value carries; undefined for none, a forged one or an expired one. */
export async function readAppSession(value: string | undefined, key: Uint8Array): Promise<AppSession | undefined> {
  if (value === undefined) return undefined;
  try {
    const { payload } = await jwtVerify(value, key, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
    return payload.sub === undefined ? undefined : { validationId: payload.sub };
  } catch {
    return undefined;
  }
}
