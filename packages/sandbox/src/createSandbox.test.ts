import { decodeJwt } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { faceJpegBase64 } from './__fixtures__/images.js';
import { createSandbox, type SandboxOptions } from './createSandbox.js';

// The handler in-process, with the clock and the sleep injected; the HTTP behaviour is in node.test.ts.

const origin = 'http://sandbox.test';

function validateRequest(token: string, init: RequestInit = {}): Request {
  return new Request(`${origin}/v2/biometric-validations/validate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
    ...init,
  });
}

async function bodyOf(response: Response): Promise<unknown> {
  return response.json();
}

function withClock(options: SandboxOptions = {}) {
  let nowMs = Date.UTC(2030, 0, 1, 12, 0, 0);
  const sandbox = createSandbox({ ...options, now: () => nowMs });
  return { sandbox, advance: (seconds: number) => (nowMs += seconds * 1000), nowMs: () => nowMs };
}

describe('createSandbox', () => {
  it('dates tokens with the injected clock', async () => {
    const { sandbox, nowMs } = withClock();
    const session = await sandbox.createSession();
    const claims = decodeJwt(session.token);
    expect(claims.iat).toBe(nowMs() / 1000);
    expect(claims.exp).toBe(nowMs() / 1000 + 600);
    expect(session.expiresAt).toBe('2030-01-01T12:10:00.000Z');
  });

  it('honours sessionTtlSeconds and a per-session expiresInSeconds', async () => {
    const { sandbox } = withClock({ sessionTtlSeconds: 60 });
    const byDefault = decodeJwt((await sandbox.createSession()).token);
    const custom = decodeJwt((await sandbox.createSession({ expiresInSeconds: 5 })).token);
    expect((byDefault.exp ?? 0) - (byDefault.iat ?? 0)).toBe(60);
    expect((custom.exp ?? 0) - (custom.iat ?? 0)).toBe(5);
  });

  it('refuses a session token once the clock passes its exp', async () => {
    const { sandbox, advance } = withClock();
    const session = await sandbox.createSession();
    advance(599);
    const stillValid = await sandbox.createSession();
    expect((await sandbox.handle(validateRequest(stillValid.token))).status).toBe(200);
    advance(1);
    const response = await sandbox.handle(validateRequest(session.token));
    expect(response.status).toBe(401);
    expect(await bodyOf(response)).toEqual({ error: 'Unauthorized', message: 'token_expired' });
  });

  it('stamps completedAt with the clock, and the login token expires by it too', async () => {
    const { sandbox, advance } = withClock();
    const session = await sandbox.createSession();
    const { data } = (await bodyOf(await sandbox.handle(validateRequest(session.token)))) as { data: { completedAt: string; token: string } };
    expect(data.completedAt).toBe('2030-01-01T12:00:00.000Z');
    await expect(sandbox.verifyLoginToken(data.token)).resolves.toMatchObject({ type: 'app-login' });
    advance(60 * 60);
    await expect(sandbox.verifyLoginToken(data.token)).rejects.toMatchObject({ name: 'SandboxTokenError', code: 'token_expired' });
  });

  it('passes delayMs and the request signal to the injected sleep', async () => {
    const sleep = vi.fn((_ms: number, _signal: AbortSignal) => Promise.resolve());
    const sandbox = createSandbox({ sleep });
    const session = await sandbox.createSession({ scenario: 'SLOW', delayMs: 1234 });
    const request = validateRequest(session.token);
    expect((await sandbox.handle(request)).status).toBe(200);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]?.[0]).toBe(1234);
    expect(sleep.mock.calls[0]?.[1]).toBeInstanceOf(AbortSignal);
  });

  it('answers 499 when the caller aborts during SLOW, and never rejects', async () => {
    const sandbox = createSandbox();
    const session = await sandbox.createSession({ scenario: 'SLOW', delayMs: 60_000 });
    const controller = new AbortController();
    const pending = sandbox.handle(validateRequest(session.token, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    const response = await pending;
    expect(response.status).toBe(499);
    expect(await bodyOf(response)).toEqual({ error: 'Client Closed Request', message: 'request_aborted' });
  });

  it('answers 500 instead of rejecting when reading the request fails', async () => {
    const sandbox = createSandbox();
    const session = await sandbox.createSession();
    const broken = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('socket exploded');
      },
    });
    const response = await sandbox.handle(validateRequest(session.token, { body: broken, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(500);
    expect(await bodyOf(response)).toEqual({ error: 'Internal Server Error', message: 'internal_error' });
  });

  it('createSession refuses bad options with the HTTP error code', async () => {
    const sandbox = createSandbox();
    await expect(sandbox.createSession({ scenario: 'NOPE' as never })).rejects.toThrow(new RangeError('invalid_scenario'));
    await expect(sandbox.createSession({ repeat: 0 })).rejects.toThrow(new RangeError('invalid_repeat'));
  });

  it.each([
    [{ secret: '' }, 'secret must not be empty'],
    [{ sessionTtlSeconds: 0 }, 'sessionTtlSeconds must be an integer from 1 to 3600, got 0'],
    [{ sessionTtlSeconds: 3601 }, 'sessionTtlSeconds must be an integer from 1 to 3600, got 3601'],
    [{ sessionTtlSeconds: 365 * 24 * 60 * 60 }, 'sessionTtlSeconds must be an integer from 1 to 3600, got 31536000'],
    [{ maxSessions: 0 }, 'maxSessions must be an integer from 1 to 9007199254740991, got 0'],
    [{ maxSessions: 1.5 }, 'maxSessions must be an integer from 1 to 9007199254740991, got 1.5'],
    [{ basePath: 'api' }, 'basePath must start with "/" and hold only a path, got "api"'],
  ])('refuses options %j', (options, message) => {
    expect(() => createSandbox(options)).toThrow(message);
  });

  it('normalizes basePath', () => {
    expect(createSandbox({ basePath: '/' }).basePath).toBe('');
    expect(createSandbox({ basePath: '/api/' }).basePath).toBe('/api');
  });

  it('caps a session token at an hour, from either option', async () => {
    const { sandbox } = withClock({ sessionTtlSeconds: 3600 });
    const longest = decodeJwt((await sandbox.createSession()).token);
    expect((longest.exp ?? 0) - (longest.iat ?? 0)).toBe(3600);
    await expect(sandbox.createSession({ expiresInSeconds: 3600 })).resolves.toHaveProperty('token');
    await expect(sandbox.createSession({ expiresInSeconds: 3601 })).rejects.toThrow(new RangeError('invalid_expires_in'));
    await expect(sandbox.createSession({ expiresInSeconds: 365 * 24 * 60 * 60 })).rejects.toThrow(new RangeError('invalid_expires_in'));
  });

  it('when full, evicts the oldest session, whose token is then refused as an unknown session (404)', async () => {
    const { sandbox } = withClock({ maxSessions: 2 });
    const [oldest, middle, newest] = [await sandbox.createSession(), await sandbox.createSession(), await sandbox.createSession()];
    const refused = await sandbox.handle(validateRequest(oldest.token));
    expect(refused.status).toBe(404);
    expect(await bodyOf(refused)).toEqual({ error: 'Not Found', message: 'biometric_validation_not_found' });
    expect((await sandbox.handle(validateRequest(middle.token))).status).toBe(200);
    expect((await sandbox.handle(validateRequest(newest.token))).status).toBe(200);
  });

  it('still refuses a replay of a completed session (403) until its token expires (401)', async () => {
    const { sandbox, advance } = withClock();
    const session = await sandbox.createSession();
    expect((await sandbox.handle(validateRequest(session.token))).status).toBe(200);
    expect(await bodyOf(await sandbox.handle(validateRequest(session.token)))).toEqual({ error: 'Forbidden', message: 'liveness_session_already_used' });
    advance(600);
    expect(await bodyOf(await sandbox.handle(validateRequest(session.token)))).toEqual({ error: 'Unauthorized', message: 'token_expired' });
  });

  it('keeps sessions per instance and forgets them on reset()', async () => {
    const sandbox = createSandbox({ secret: 'shared-secret-shared-secret-shared' });
    const twin = createSandbox({ secret: 'shared-secret-shared-secret-shared' });
    const session = await sandbox.createSession();
    expect((await twin.handle(validateRequest(session.token))).status).toBe(404);
    sandbox.reset();
    expect((await sandbox.handle(validateRequest(session.token))).status).toBe(404);
  });
});
