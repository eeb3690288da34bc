import { BiometricLoginError, validateBiometric, type ValidateBiometricOptions } from '@biometric-login/core';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { faceJpegBase64, jpegWithScan, portraitFacePng, toBase64 } from './__fixtures__/images.js';
import { startSandboxServer, type SandboxServer } from './node.js';
import type { CreateSessionOptions } from './createSessionOptions.js';
import { sleep as realSleep, type Sleep } from './sleep.js';

// The real client against the sandbox over HTTP: what the React package and the demo will do.

const secret = 'core-client-test-secret-long-enough-for-hs256';
const sleeps: { ms: number; aborted: boolean }[] = [];
const recordingSleep: Sleep = async (ms, signal) => {
  const entry = { ms, aborted: false };
  sleeps.push(entry);
  try {
    await realSleep(ms, signal);
  } catch (error) {
    entry.aborted = true;
    throw error;
  }
};

let server: SandboxServer;
/** Requests that reached the network, so tests can tell a local refusal from a server one. */
let sent = 0;
const countingFetch: typeof fetch = (input, init) => {
  sent += 1;
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, secret, sleep: recordingSleep });
});

afterAll(async () => {
  await server.close();
});

async function tokenFor(options: CreateSessionOptions = {}): Promise<string> {
  return (await server.sandbox.createSession(options)).token;
}

function send(token: string, overrides: Partial<ValidateBiometricOptions> = {}) {
  return validateBiometric({ token, image: faceJpegBase64, os: 'DESKTOP', apiBaseUrl: server.url, fetch: countingFetch, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<BiometricLoginError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BiometricLoginError);
  return error as BiometricLoginError;
}

describe('validateBiometric against the sandbox', () => {
  it('succeeds with a login token the sandbox verifies', async () => {
    const session = await server.sandbox.createSession();
    const result = await send(session.token);
    expect(result.data).toMatchObject({ _id: session._id, status: 'completed' });
    await expect(server.sandbox.verifyLoginToken(result.token)).resolves.toMatchObject({ sub: session._id, type: 'app-login' });
  });

  it('accepts a data: URL from the camera (the client strips the prefix) and a PNG', async () => {
    await expect(send(await tokenFor(), { image: `data:image/jpeg;base64,${faceJpegBase64}` })).resolves.toHaveProperty('token');
    await expect(send(await tokenFor(), { image: toBase64(portraitFacePng), os: 'IOS' })).resolves.toHaveProperty('token');
  });

  it.each(['INVALID_BIOMETRIC_DATA', 'LIVENESS_DETECTION_FAILED', 'IDENTITY_VERIFICATION_FAILED'] as const)(
    'scenario %s -> the same code, and "Try again" succeeds',
    async (scenario) => {
      const token = await tokenFor({ scenario });
      const error = await failure(send(token));
      expect(error).toMatchObject({ code: scenario, status: 400, serverMessage: scenario });
      await expect(send(token)).resolves.toHaveProperty('token');
    },
  );

  it('a 100x100 picture -> INVALID_BIOMETRIC_DATA from the server', async () => {
    const error = await failure(send(await tokenFor(), { image: toBase64(jpegWithScan(100, 100, 5_000)) }));
    expect(error).toMatchObject({ code: 'INVALID_BIOMETRIC_DATA', status: 400 });
  });

  it('SERVER_ERROR -> SERVER_ERROR (503)', async () => {
    expect(await failure(send(await tokenFor({ scenario: 'SERVER_ERROR' })))).toMatchObject({ code: 'SERVER_ERROR', status: 503, serverMessage: 'server_error' });
  });

  it('RATE_LIMITED -> RATE_LIMITED with retryAfterMs from Retry-After', async () => {
    expect(await failure(send(await tokenFor({ scenario: 'RATE_LIMITED' })))).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 1000 });
  });

  it('INVALID_RESPONSE -> INVALID_RESPONSE', async () => {
    expect(await failure(send(await tokenFor({ scenario: 'INVALID_RESPONSE' })))).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it('SLOW with timeoutMs: 200 -> TIMEOUT, and the server stops waiting', async () => {
    sleeps.length = 0;
    const token = await tokenFor({ scenario: 'SLOW' });
    expect(await failure(send(token, { timeoutMs: 200 }))).toMatchObject({ code: 'TIMEOUT' });
    await vi.waitFor(() => expect(sleeps).toEqual([{ ms: 35_000, aborted: true }]));
    await expect(send(token)).resolves.toHaveProperty('token');
  });

  it('a replayed session token -> SESSION_INVALID (403 liveness_session_already_used)', async () => {
    const token = await tokenFor();
    await send(token);
    expect(await failure(send(token))).toMatchObject({ code: 'SESSION_INVALID', status: 403, serverMessage: 'liveness_session_already_used' });
  });

  it('a token signed with another key -> SESSION_INVALID (401 invalid_token)', async () => {
    const forged = await new SignJWT({ livenessSession: 'a'.repeat(32) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-sandbox-secret-not-the-sandbox'));
    expect(await failure(send(forged))).toMatchObject({ code: 'SESSION_INVALID', status: 401, serverMessage: 'invalid_token' });
  });

  it('a session the sandbox does not know -> SESSION_NOT_FOUND (404)', async () => {
    const unknown = await new SignJWT({ livenessSession: 'b'.repeat(32) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect(await failure(send(unknown))).toMatchObject({ code: 'SESSION_NOT_FOUND', status: 404, serverMessage: 'biometric_validation_not_found' });
  });

  it('an expired session token -> SESSION_EXPIRED without a request', async () => {
    const token = await tokenFor({ expiresInSeconds: -5 });
    const before = sent;
    expect(await failure(send(token))).toMatchObject({ code: 'SESSION_EXPIRED', status: undefined });
    expect(sent).toBe(before);
  });

  it.each([
    ['without a livenessSession claim', async () => new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(new TextEncoder().encode(secret))],
    ['that is not a JWT', async () => 'not-a-jwt'],
  ])('a session token %s -> SESSION_INVALID without a request', async (_name, makeToken) => {
    const before = sent;
    expect(await failure(send(await makeToken()))).toMatchObject({ code: 'SESSION_INVALID', status: undefined });
    expect(sent).toBe(before);
  });

  it('a server that is gone -> NETWORK_ERROR', async () => {
    const gone = await startSandboxServer();
    const token = await gone.sandbox.createSession();
    await gone.close();
    expect(await failure(send(token.token, { apiBaseUrl: gone.url }))).toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('works under a basePath given as part of apiBaseUrl', async () => {
    const prefixed = await startSandboxServer({ basePath: '/verifik' });
    try {
      const session = await prefixed.sandbox.createSession();
      await expect(send(session.token, { apiBaseUrl: prefixed.url })).resolves.toHaveProperty('token');
    } finally {
      await prefixed.close();
    }
  });
});
