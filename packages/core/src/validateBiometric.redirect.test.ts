import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { jpegBase64, validToken } from './testing/makeToken.js';
import { validateBiometric } from './validateBiometric.js';

interface Recorded {
  server: Server;
  url: string;
  requests: { method: string | undefined; url: string | undefined; authorization: string | undefined; body: string }[];
}

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1 that records every request it receives and answers with `answer`. */
async function listen(answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string }): Promise<Recorded> {
  const recorded: Recorded['requests'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      recorded.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
      const { status, headers = {}, body = '' } = answer(request);
      response.writeHead(status, headers).end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: recorded };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('validateBiometric never follows a redirect', () => {
  it.each([301, 302, 303, 307, 308])('a %i from the API is a typed error, and the second location receives nothing', async (status) => {
    const elsewhere = await listen(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ success: true, data: { token: 'stolen-login' } }) }));
    const api = await listen(() => ({ status, headers: { Location: `${elsewhere.url}/v2/biometric-validations/validate` } }));

    const error = await validateBiometric({ token: validToken, image: jpegBase64, os: 'DESKTOP', apiBaseUrl: api.url, now: () => Date.UTC(2026, 10, 26, 12) }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(BiometricLoginError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.authorization).toBe(`Bearer ${validToken}`);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
