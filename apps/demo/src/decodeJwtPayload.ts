function decodeBase64Url(segment: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The payload of a JWT, decoded WITHOUT checking its signature: for display only, never for trust. Any JSON value
 * comes back as it is; throws when the token has not three segments or its payload is not base64url JSON.
 */
export function decodeJwtPayload(token: string): unknown {
  const segments = token.split('.');
  const payload = segments[1];
  if (segments.length !== 3 || payload === undefined) throw new Error('not a JWT');
  return JSON.parse(decodeBase64Url(payload));
}
