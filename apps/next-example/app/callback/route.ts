import { type NextRequest, NextResponse } from 'next/server';
import { openAppSession } from '../../lib/appSession';
import { createLoginTokenChecker } from '../../lib/loginToken';
import { readSettings } from '../../lib/settings';

let acceptLoginToken: ReturnType<typeof createLoginTokenChecker> | undefined;

/**
 * Where <BiometricLogin> sends the browser with `?token=<login token>`. The token is verified here, on the
 * server, before the app's own session is opened; the browser is never trusted with that decision.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const settings = readSettings();
  acceptLoginToken ??= createLoginTokenChecker({ key: settings.loginTokenKey });
  const verdict = await acceptLoginToken(request.nextUrl.searchParams.get('token'));
  if (!verdict.ok) {
    console.warn(`Login refused at the callback: ${verdict.refusal}`);
    return new Response('Sign-in refused: this login link is not valid, has expired or was already used. Sign in again at /.\n', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // 303 to a page of its own, so the token leaves the address bar and the history.
  const response = NextResponse.redirect(new URL('/account', settings.appOrigin), 303);
  await openAppSession(response, verdict.login, settings);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
