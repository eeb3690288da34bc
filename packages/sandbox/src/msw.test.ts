import { validateBiometric } from '@biometric-login/core';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegBase64 } from './__fixtures__/images.js';
import { createSandbox } from './createSandbox.js';
import { createSandboxHandlers } from './msw.js';

const sandbox = createSandbox();
const localSandbox = createSandbox();
const server = setupServer(
  ...createSandboxHandlers(sandbox),
  ...createSandboxHandlers(localSandbox, { baseUrl: 'http://localhost:4010/' }),
  // Last, so it only sees what the sandbox handlers let through.
  http.all('*', () => new Response('not the sandbox', { status: 418 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createSandboxHandlers', () => {
  it('answers the real API origin from the sandbox, so the client needs no apiBaseUrl', async () => {
    const session = await sandbox.createSession();
    const result = await validateBiometric({ token: session.token, image: faceJpegBase64, os: 'DESKTOP' });
    await expect(sandbox.verifyLoginToken(result.token)).resolves.toMatchObject({ sub: session._id });
  });

  it('routes creation too, and passes the sandbox errors through unchanged', async () => {
    const created = await fetch('https://api.verifik.co/v2/biometric-validations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'RATE_LIMITED' }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { token: string } };
    const answer = await fetch('https://api.verifik.co/v2/biometric-validations/validate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.token}` },
      body: JSON.stringify({ image: faceJpegBase64, os: 'IOS' }),
    });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('Retry-After')).toBe('1');
    expect(await answer.json()).toEqual({ error: 'Too Many Requests', message: 'rate_limited' });
  });

  it('answers unknown paths under the API with the sandbox 404', async () => {
    const response = await fetch('https://api.verifik.co/v2/biometric-validations/nope', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not Found', message: 'route_not_found' });
  });

  it('serves a custom baseUrl from its own sandbox', async () => {
    const session = await localSandbox.createSession();
    const result = await validateBiometric({ token: session.token, image: faceJpegBase64, os: 'ANDROID', apiBaseUrl: 'http://localhost:4010' });
    await expect(localSandbox.verifyLoginToken(result.token)).resolves.toMatchObject({ sub: session._id });
    await expect(sandbox.verifyLoginToken(result.token)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it.each(['https://api.verifik.co/v2/other', 'https://elsewhere.test/v2/biometric-validations', 'http://localhost:4011/v2/biometric-validations'])(
    'leaves %s alone',
    async (url) => {
      expect((await fetch(url, { method: 'POST' })).status).toBe(418);
    },
  );
});
