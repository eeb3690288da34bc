import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, devContentSecurityPolicy, securityHeaders, withConnectSources, withScriptNonce, withScriptSources } from '../demo/securityHeaders';

/**
 * The demo page's headers (its CSP and Permissions-Policy), with two additions a Next.js app needs: the API's
 * origin in connect-src, and a per-response nonce for the inline scripts that carry the server components'
 * payload. Next.js reads the nonce from the request's policy and puts it on its own script tags.
 */
export function proxy(request: NextRequest): NextResponse {
  const apiOrigin = process.env.BIOMETRIC_API_URL;
  const nonce = btoa(crypto.randomUUID());
  // `next dev` evaluates code for its overlay and injects styles; `next start` gets the demo's policy.
  const base = process.env.NODE_ENV === 'development' ? withScriptSources(devContentSecurityPolicy, ["'unsafe-eval'"]) : contentSecurityPolicy;
  const policy = withScriptNonce(withConnectSources(base, apiOrigin === undefined ? [] : [new URL(apiOrigin).origin]), nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders(policy))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages and route handlers; the hashed build files need no policy of their own.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
