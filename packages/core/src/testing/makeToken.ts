/** An unsigned JWT with the given claims: core never verifies signatures, so tests need no key. */
export function makeToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}

export const nowMs = Date.UTC(2026, 10, 26, 12, 0, 0);
export const validToken = makeToken({ livenessSession: 'ls_123', exp: nowMs / 1000 + 600 });
/** A tiny but real-looking JPEG payload: SOI marker bytes as base64. */
export const jpegBase64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).toString('base64');
