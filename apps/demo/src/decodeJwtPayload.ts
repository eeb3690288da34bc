export type DecodedJwt = { status: 'decoded'; claims: Readonly<Record<string, unknown>> } | { status: 'malformed' };

function decodeBase64Url(segment: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The payload of a JWT, decoded WITHOUT checking its signature: for display only, never for trust. */
export function decodeJwtPayload(token: string): DecodedJwt {
  const segments = token.split('.');
  const payload = segments[1];
  if (segments.length !== 3 || payload === undefined) return { status: 'malformed' };
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { status: 'malformed' };
    return { status: 'decoded', claims: claims as Record<string, unknown> };
  } catch {
    return { status: 'malformed' };
  }
}
