import * as z from 'zod/mini';

/** For string checks: zod's refine is already in the bundle, its length checks would add their own code. */
export const isNonEmpty = (value: string): boolean => value.length > 0;

/**
 * A compact JWS as issued: three non-empty base64url segments, nothing else. Anything that is not (a CR/LF,
 * a space, a quote) could never be a token and could break or leak through the Authorization header.
 */
const compactJws = /^[\w-]+\.[\w-]+\.[\w-]+$/;
export const jwtSchema = z.string().check(z.trim(), z.refine((token) => compactJws.test(token), 'not three base64url segments'));

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The payload of a JWT, decoded WITHOUT checking its signature (a browser cannot hold the key): to catch a
 * malformed or expired token early, or to show claims. `undefined` when it is not a JWT with an object payload.
 */
export function readJwtClaims(token: unknown): Readonly<Record<string, unknown>> | undefined {
  const parsed = jwtSchema.safeParse(token);
  if (!parsed.success) return undefined;
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(parsed.data.split('.')[1] ?? ''));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
