/** Which browser origins may call the sandbox: a list, or '*' for any (answered by echoing the caller's Origin). */
export type AllowedOrigins = readonly string[] | '*';

/** The Access-Control-Allow-Origin value for this request, or undefined when the origin is not allowed. */
export function allowOriginFor(request: Request, allowedOrigins: AllowedOrigins): string | undefined {
  const origin = request.headers.get('Origin');
  if (allowedOrigins === '*') return origin ?? '*';
  return origin !== null && allowedOrigins.includes(origin) ? origin : undefined;
}

/** Adds the CORS headers every real (non-preflight) answer carries. */
export function withCorsHeaders(response: Response, allowOrigin: string | undefined): Response {
  // The answer depends on Origin, so a shared cache must not hand one origin's answer to another.
  response.headers.append('Vary', 'Origin');
  if (allowOrigin !== undefined) {
    response.headers.set('Access-Control-Allow-Origin', allowOrigin);
    // Without this a browser hides Retry-After from the client's 429 handling.
    response.headers.set('Access-Control-Expose-Headers', 'Retry-After');
  }
  return response;
}

/** The answer to the OPTIONS request a browser sends first because of the Authorization header. */
export function preflightResponse(allowOrigin: string | undefined): Response {
  const headers = new Headers({ Vary: 'Origin' });
  if (allowOrigin !== undefined) {
    headers.set('Access-Control-Allow-Origin', allowOrigin);
    headers.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
    headers.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    headers.set('Access-Control-Max-Age', '600');
  }
  return new Response(null, { status: 204, headers });
}
