import { type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createLoginTokenChecker, maxLoginTokenAgeSeconds } from './loginToken';

const key = new TextEncoder().encode('the-key-the-api-signs-with');
const start = Date.UTC(2026, 0, 1);
const loginClaims = { sub: '6650f0c2a1b2c3d4e5f60718', livenessSession: 'a'.repeat(32), type: 'app-login' };

/** A token shaped like the sandbox's: HS256, iat and exp in seconds. */
function sign(claims: JWTPayload, options: { signWith?: Uint8Array; issuedAt?: number; lifetimeSeconds?: number; alg?: string } = {}) {
  const issuedAt = Math.floor((options.issuedAt ?? start) / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 3600))
    .sign(options.signWith ?? key);
}

function checkerAt(clock: { now: number }) {
  return createLoginTokenChecker({ key, now: () => clock.now });
}

describe('createLoginTokenChecker', () => {
  it('accepts a login token signed with the API key once, and refuses it as replayed afterwards', async () => {
    const accept = checkerAt({ now: start + 1000 });
    const token = await sign(loginClaims);
    await expect(accept(token)).resolves.toEqual({ ok: true, login: { sub: loginClaims.sub, livenessSession: loginClaims.livenessSession } });
    await expect(accept(token)).resolves.toEqual({ ok: false, refusal: 'replayed' });
    // Another login (another validation id) is still accepted.
    await expect(accept(await sign({ ...loginClaims, sub: 'another-validation' }))).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['signed with another key', () => sign(loginClaims, { signWith: new TextEncoder().encode('someone-else') })],
    ['signed with HS512 by the right key', () => sign(loginClaims, { alg: 'HS512' })],
    ['unsigned (alg: none)', async () => new UnsecuredJWT(loginClaims).setIssuedAt(start / 1000).setExpirationTime(start / 1000 + 3600).encode()],
    ['not a JWT', async () => 'not.a.jwt'],
    ['with a tampered payload', async () => (await sign(loginClaims)).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...loginClaims, sub: 'admin' })).toString('base64url')}.`)],
  ])('refuses a token %s as invalid', async (_name, token) => {
    await expect(checkerAt({ now: start + 1000 })(await token())).resolves.toEqual({ ok: false, refusal: 'invalid' });
  });

  it('refuses an expired token, and one older than the exchange window even if the API let it live longer', async () => {
    const clock = { now: start + 61 * 1000 };
    const accept = checkerAt(clock);
    await expect(accept(await sign(loginClaims, { lifetimeSeconds: 60 }))).resolves.toEqual({ ok: false, refusal: 'expired' });
    clock.now = start + (maxLoginTokenAgeSeconds + 1) * 1000;
    await expect(accept(await sign(loginClaims))).resolves.toEqual({ ok: false, refusal: 'expired' });
  });

  it('refuses the liveness-session token, which the same key signs, and a token without the login claims', async () => {
    const accept = checkerAt({ now: start + 1000 });
    await expect(accept(await sign({ sub: loginClaims.sub, livenessSession: loginClaims.livenessSession, scenario: 'success' }))).resolves.toEqual({
      ok: false,
      refusal: 'notALoginToken',
    });
    await expect(accept(await sign({ type: 'app-login', livenessSession: 'x' }))).resolves.toEqual({ ok: false, refusal: 'invalid' });
  });

  it('refuses a missing token', async () => {
    const accept = checkerAt({ now: start });
    await expect(accept(null)).resolves.toEqual({ ok: false, refusal: 'missing' });
    await expect(accept('')).resolves.toEqual({ ok: false, refusal: 'missing' });
  });

  it('keeps refusing a used token as replayed until it is too old to be accepted anyway', async () => {
    const clock = { now: start + 1000 };
    const accept = checkerAt(clock);
    const token = await sign(loginClaims);
    await accept(token);
    clock.now = start + (maxLoginTokenAgeSeconds - 1) * 1000;
    await expect(accept(token)).resolves.toEqual({ ok: false, refusal: 'replayed' });
    clock.now = start + (maxLoginTokenAgeSeconds + 1) * 1000;
    await expect(accept(token)).resolves.toEqual({ ok: false, refusal: 'expired' });
  });
});
