import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { faceJpeg, faceJpegBase64, faceProgressiveJpeg, fifteenByteJpeg, jpegHeader, jpegWithScan, pngHeader, portraitFacePng, smallestFaceJpeg, toBase64 } from './__fixtures__/images.js';
import { createSandbox, maxValidateBodyBytes, type SandboxSession } from './createSandbox.js';
import { startSandboxServer, type SandboxServer } from './node.js';
import { sandboxScenarios } from './scenarios.js';
import { sleep as realSleep, type Sleep } from './sleep.js';

const secret = 'node-test-secret-that-is-long-enough-for-hs256';
const key = new TextEncoder().encode(secret);

/** Every SLOW wait the server started, and whether the request's abort cut it short. */
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

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, secret, sleep: recordingSleep });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  sleeps.length = 0;
});

/** The `error` words of the three documented 400s (fixtures/verifik-validate-examples.json). */
const documentedWords = {
  INVALID_BIOMETRIC_DATA: 'Invalid biometric data',
  LIVENESS_DETECTION_FAILED: 'Liveness detection failed',
  IDENTITY_VERIFICATION_FAILED: 'Identity verification failed',
} as const;

const createUrl = () => `${server.url}/v2/biometric-validations`;
const validateUrl = () => `${server.url}/v2/biometric-validations/validate`;

async function createSession(options: Record<string, unknown> = {}): Promise<SandboxSession> {
  const response = await fetch(createUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options) });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { data: SandboxSession };
  return body.data;
}

function validate(token: string | undefined, body: unknown = { image: faceJpegBase64, os: 'DESKTOP' }, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  return fetch(validateUrl(), { method: 'POST', ...init, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function expectError(response: Response, status: number, error: string, message: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/json');
  expect(await response.json()).toEqual({ error, message });
}

function signToken(claims: JWTPayload, signingKey: Uint8Array = key, expiresIn = '10m') {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresIn).sign(signingKey);
}

describe('POST /v2/biometric-validations (create a session)', () => {
  it('answers 201 with a pending session whose token carries the documented claims', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await fetch(createUrl(), { method: 'POST' });
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const { data } = (await response.json()) as { data: SandboxSession };
    expect(data).toMatchObject({ status: 'pending', scenario: 'success', repeat: 1 });
    expect(data._id).toMatch(/^[0-9a-f]{24}$/);
    expect(data.livenessSession).toMatch(/^[0-9a-f]{32}$/);

    const { payload, protectedHeader } = await jwtVerify(data.token, key);
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: data._id, livenessSession: data.livenessSession, scenario: 'success' });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
    expect(data.expiresAt).toBe(new Date((payload.exp ?? 0) * 1000).toISOString());
  });

  it('takes scenario, repeat and expiresInSeconds from the body', async () => {
    const data = await createSession({ scenario: 'RATE_LIMITED', repeat: 3, expiresInSeconds: 30 });
    const claims = decodeJwt(data.token);
    expect(data).toMatchObject({ scenario: 'RATE_LIMITED', repeat: 3 });
    expect(claims.scenario).toBe('RATE_LIMITED');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30);
  });

  it('gives every session its own ids', async () => {
    const [first, second] = await Promise.all([createSession(), createSession()]);
    expect(first?._id).not.toBe(second?._id);
    expect(first?.livenessSession).not.toBe(second?.livenessSession);
  });

  it.each([
    [{ scenario: 'NOPE' }, 'invalid_scenario'],
    [{ scenario: 'success ' }, 'invalid_scenario'],
    [{ repeat: 0 }, 'invalid_repeat'],
    [{ repeat: 1.5 }, 'invalid_repeat'],
    [{ repeat: '2' }, 'invalid_repeat'],
    [{ delayMs: -1 }, 'invalid_delay'],
    [{ delayMs: 10_000_000 }, 'invalid_delay'],
    [{ expiresInSeconds: 'soon' }, 'invalid_expires_in'],
    [{ expiresInSeconds: null }, 'invalid_expires_in'],
    [{ expiresInSeconds: 3601 }, 'invalid_expires_in'],
    [{ expiresInSeconds: 365 * 24 * 60 * 60 }, 'invalid_expires_in'],
    [{ scenaro: 'SLOW' }, 'unknown_option'],
    [['success'], 'invalid_options'],
    [42, 'invalid_options'],
  ])('refuses %j with 400 %s', async (body, message) => {
    const response = await fetch(createUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await expectError(response, 400, 'Bad Request', message);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(createUrl(), { method: 'POST', body: '{scenario: SLOW}' });
    await expectError(response, 400, 'Bad Request', 'invalid_json');
  });
});

describe('POST /v2/biometric-validations/validate: success', () => {
  it('answers the documented 200 body with a login token signed by the sandbox', async () => {
    const session = await createSession();
    const response = await validate(session.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const body = (await response.json()) as { success: boolean; data: Record<string, unknown> & { token: string; completedAt: string } };
    expect(body).toEqual({
      success: true,
      data: {
        _id: session._id,
        status: 'completed',
        verificationResults: { livenessDetection: 'passed', identityMatch: 'passed', qualityScore: expect.any(Number), antiSpoofing: 'passed' },
        biometricData: { faceImage: faceJpegBase64, template: expect.any(String), quality: 'good', livenessScore: expect.any(Number) },
        riskScore: expect.any(Number),
        completedAt: expect.any(String),
        token: expect.any(String),
      },
    });
    expect(new Date(body.data.completedAt).toISOString()).toBe(body.data.completedAt);

    const claims = await server.sandbox.verifyLoginToken(body.data.token);
    expect(claims).toEqual({ sub: session._id, livenessSession: session.livenessSession, type: 'app-login', iat: expect.any(Number), exp: expect.any(Number) });
    expect(claims.exp).toBeGreaterThan(claims.iat);
  });

  it('issues a login token that another sandbox (another key) refuses', async () => {
    const session = await createSession();
    const { data } = (await (await validate(session.token)).json()) as { data: { token: string } };
    await expect(createSandbox().verifyLoginToken(data.token)).rejects.toMatchObject({ name: 'SandboxTokenError', code: 'invalid_token' });
    // A session token is signed by the same key but is not a login token.
    await expect(server.sandbox.verifyLoginToken(session.token)).rejects.toMatchObject({ code: 'not_a_login_token' });
  });

  it.each([
    ['a portrait 240x320 PNG', toBase64(portraitFacePng)],
    ['a progressive JPEG', toBase64(faceProgressiveJpeg)],
    ['a JPEG of exactly 320x240', toBase64(smallestFaceJpeg)],
  ])('accepts %s', async (_name, image) => {
    const session = await createSession();
    expect((await validate(session.token, { image, os: 'ANDROID' })).status).toBe(200);
  });

  it.each(['DESKTOP', 'IOS', 'ANDROID'])('accepts os %s', async (os) => {
    const session = await createSession();
    expect((await validate(session.token, { image: faceJpegBase64, os })).status).toBe(200);
  });

  it('refuses to replay a session token after it succeeded', async () => {
    const session = await createSession();
    expect((await validate(session.token)).status).toBe(200);
    await expectError(await validate(session.token), 403, 'Forbidden', 'liveness_session_already_used');
  });

  it('gives only one of two concurrent attempts the login token', async () => {
    const session = await createSession();
    const statuses = (await Promise.all([validate(session.token), validate(session.token)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 403]);
  });
});

describe('POST /v2/biometric-validations/validate: scenarios', () => {
  it.each(['INVALID_BIOMETRIC_DATA', 'LIVENESS_DETECTION_FAILED', 'IDENTITY_VERIFICATION_FAILED'])(
    '%s answers the documented 400 once, then the retry succeeds',
    async (scenario) => {
      const session = await createSession({ scenario });
      await expectError(await validate(session.token), 400, documentedWords[scenario as keyof typeof documentedWords], scenario);
      expect((await validate(session.token)).status).toBe(200);
    },
  );

  it('SERVER_ERROR answers 503', async () => {
    const session = await createSession({ scenario: 'SERVER_ERROR' });
    await expectError(await validate(session.token), 503, 'Service Unavailable', 'server_error');
    expect((await validate(session.token)).status).toBe(200);
  });

  it('RATE_LIMITED answers 429 with Retry-After: 1, exposed to browsers', async () => {
    const session = await createSession({ scenario: 'RATE_LIMITED' });
    const response = await validate(session.token, undefined, { headers: { Origin: 'http://app.test' } });
    expect(response.headers.get('Retry-After')).toBe('1');
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
    await expectError(response, 429, 'Too Many Requests', 'rate_limited');
  });

  it('INVALID_RESPONSE answers 200 without data.token and does not complete the session', async () => {
    const session = await createSession({ scenario: 'INVALID_RESPONSE' });
    const response = await validate(session.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; data: Record<string, unknown> };
    expect(body.success).toBe(true);
    expect(body.data).not.toHaveProperty('token');
    expect((await validate(session.token)).status).toBe(200);
  });

  it('SLOW waits delayMs and then succeeds', async () => {
    const session = await createSession({ scenario: 'SLOW', delayMs: 30 });
    expect((await validate(session.token)).status).toBe(200);
    expect(sleeps).toEqual([{ ms: 30, aborted: false }]);
  });

  it('SLOW waits 35 s by default, and stops waiting when the client gives up', async () => {
    const session = await createSession({ scenario: 'SLOW' });
    expect(session.delayMs).toBe(35_000);
    await expect(validate(session.token, undefined, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    await vi.waitFor(() => expect(sleeps).toEqual([{ ms: 35_000, aborted: true }]));
    // The abandoned attempt used up the scenario without completing the session: trying again succeeds.
    expect((await validate(session.token)).status).toBe(200);
  });

  it('repeat: n fails n attempts before succeeding', async () => {
    const session = await createSession({ scenario: 'LIVENESS_DETECTION_FAILED', repeat: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await validate(session.token)).status).toBe(400);
    expect((await validate(session.token)).status).toBe(200);
  });

  it('a huge repeat means always', async () => {
    const session = await createSession({ scenario: 'SERVER_ERROR', repeat: Number.MAX_SAFE_INTEGER });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await validate(session.token)).status).toBe(503);
  });

  it('has an answer for every scenario', async () => {
    const statuses: Record<string, number> = {};
    for (const scenario of sandboxScenarios) {
      const session = await createSession({ scenario, delayMs: 0 });
      statuses[scenario] = (await validate(session.token)).status;
    }
    expect(statuses).toEqual({
      success: 200,
      INVALID_BIOMETRIC_DATA: 400,
      LIVENESS_DETECTION_FAILED: 400,
      IDENTITY_VERIFICATION_FAILED: 400,
      SERVER_ERROR: 503,
      RATE_LIMITED: 429,
      SLOW: 200,
      INVALID_RESPONSE: 200,
    });
  });
});

describe('POST /v2/biometric-validations/validate: authorization', () => {
  it.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['Bearer without a token', 'Bearer '],
  ])('%s -> 401 liveness_session_token_missing', async (_name, authorization) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (authorization !== undefined) headers.Authorization = authorization;
    const response = await fetch(validateUrl(), { method: 'POST', headers, body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }) });
    await expectError(response, 401, 'Unauthorized', 'liveness_session_token_missing');
  });

  it('accepts the scheme in any case', async () => {
    const session = await createSession();
    const response = await fetch(validateUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `bearer ${session.token}` },
      body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
    });
    expect(response.status).toBe(200);
  });

  it('a token signed with another key -> 401 invalid_token', async () => {
    const session = await createSession();
    const forged = await signToken({ sub: session._id, livenessSession: session.livenessSession }, new TextEncoder().encode('another-secret-another-secret-32'));
    await expectError(await validate(forged), 401, 'Unauthorized', 'invalid_token');
  });

  it('a tampered payload -> 401 invalid_token', async () => {
    const session = await createSession();
    const [header, , signature] = session.token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(session.token), scenario: 'success', exp: 9_999_999_999 })).toString('base64url');
    await expectError(await validate(`${header}.${payload}.${signature}`), 401, 'Unauthorized', 'invalid_token');
  });

  it.each([['not-a-jwt'], ['a.b.c'], ['eyJhbGciOiJub25lIn0.eyJsaXZlbmVzc1Nlc3Npb24iOiJ4In0.']])('a malformed or unsigned token %s -> 401 invalid_token', async (token) => {
    await expectError(await validate(token), 401, 'Unauthorized', 'invalid_token');
  });

  it('an expired token -> 401 token_expired, before the body is looked at', async () => {
    const session = await createSession({ expiresInSeconds: -1 });
    await expectError(await validate(session.token, 'not json'), 401, 'Unauthorized', 'token_expired');
  });

  it('a validly signed token without livenessSession -> 403 liveness_session_token_missing', async () => {
    await expectError(await validate(await signToken({ sub: 'x' })), 403, 'Forbidden', 'liveness_session_token_missing');
  });

  it('a validly signed token for a session this sandbox never created -> 404', async () => {
    await expectError(await validate(await signToken({ livenessSession: 'f'.repeat(32) })), 404, 'Not Found', 'biometric_validation_not_found');
  });

  it('a token whose sub is not the session id -> 404', async () => {
    const session = await createSession();
    await expectError(await validate(await signToken({ sub: 'a'.repeat(24), livenessSession: session.livenessSession })), 404, 'Not Found', 'biometric_validation_not_found');
  });

  it('a session forgotten by reset() -> 404', async () => {
    const sandbox = createSandbox({ secret });
    const local = await startSandboxServer({ sandbox });
    try {
      const session = await sandbox.createSession();
      sandbox.reset();
      const response = await fetch(`${local.url}/v2/biometric-validations/validate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
      });
      await expectError(response, 404, 'Not Found', 'biometric_validation_not_found');
    } finally {
      await local.close();
    }
  });
});

describe('POST /v2/biometric-validations/validate: body', () => {
  it.each([
    ['not JSON', 'image=abc'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1')],
  ])('%s -> 400 invalid_json', async (_name, body) => {
    const session = await createSession();
    await expectError(await validate(session.token, body), 400, 'Bad Request', 'invalid_json');
  });

  it.each([
    ['image missing', { os: 'DESKTOP' }],
    ['image not a string', { image: 42, os: 'DESKTOP' }],
    ['image empty', { image: '', os: 'DESKTOP' }],
    ['image as a data: URL of another type', { image: `data:text/plain;base64,${faceJpegBase64}`, os: 'DESKTOP' }],
    ['image not base64', { image: 'this is not base64!', os: 'DESKTOP' }],
    ['image with a line break', { image: `${faceJpegBase64.slice(0, 76)}\n${faceJpegBase64.slice(76)}`, os: 'DESKTOP' }],
    ['os unknown', { image: faceJpegBase64, os: 'WINDOWS' }],
    ['os not a string', { image: faceJpegBase64, os: 1 }],
    ['bytes that are not an image', { image: toBase64(new TextEncoder().encode('plain text, no picture')), os: 'DESKTOP' }],
    ['a JPEG without a frame header', { image: toBase64(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])), os: 'DESKTOP' }],
    ['a tiny 100x100 JPEG', { image: toBase64(jpegWithScan(100, 100, 5_000)), os: 'DESKTOP' }],
    ['a 319x240 JPEG', { image: toBase64(jpegWithScan(319, 240, 5_000)), os: 'DESKTOP' }],
    ['a 100x100 PNG', { image: toBase64(pngHeader(100, 100, 5_000)), os: 'DESKTOP' }],
    ['a 15-byte JPEG: start of image and a 640x480 frame header, nothing else', { image: toBase64(fifteenByteJpeg), os: 'DESKTOP' }],
    ['a JPEG header without scan data', { image: toBase64(jpegHeader(1280, 720)), os: 'DESKTOP' }],
    ['a PNG header without IDAT', { image: toBase64(pngHeader(640, 480)), os: 'DESKTOP' }],
    ['the face cut off before its end-of-image marker', { image: toBase64(faceJpeg.subarray(0, faceJpeg.length - 2)), os: 'DESKTOP' }],
    ['a 4000x3000 frame over 10 bytes of scan data', { image: toBase64(jpegWithScan(4000, 3000, 10)), os: 'DESKTOP' }],
  ])('%s -> 400 INVALID_BIOMETRIC_DATA', async (_name, body) => {
    const session = await createSession();
    await expectError(await validate(session.token, body), 400, documentedWords.INVALID_BIOMETRIC_DATA, 'INVALID_BIOMETRIC_DATA');
  });

  it('a body sent as something other than JSON -> 415', async () => {
    const session = await createSession();
    const response = await validate(session.token, { image: faceJpegBase64, os: 'DESKTOP' }, { headers: { 'Content-Type': 'text/plain' } });
    await expectError(response, 415, 'Unsupported Media Type', 'unsupported_media_type');
  });

  it('a refused body does not use up the scenario', async () => {
    const session = await createSession({ scenario: 'IDENTITY_VERIFICATION_FAILED' });
    expect((await validate(session.token, { image: 'nope', os: 'DESKTOP' })).status).toBe(400);
    await expectError(await validate(session.token), 400, documentedWords.IDENTITY_VERIFICATION_FAILED, 'IDENTITY_VERIFICATION_FAILED');
    expect((await validate(session.token)).status).toBe(200);
  });

  it('a declared Content-Length over 5 MB -> 413', async () => {
    const session = await createSession();
    const response = await validate(session.token, 'x'.repeat(maxValidateBodyBytes + 1));
    await expectError(response, 413, 'Payload Too Large', 'payload_too_large');
  });

  it('a body of exactly 5 MB is read (and judged on its content)', async () => {
    const session = await createSession();
    const prefix = '{"os":"DESKTOP","image":"';
    const image = 'A'.repeat(maxValidateBodyBytes - prefix.length - 2);
    await expectError(await validate(session.token, `${prefix}${image}"}`), 400, documentedWords.INVALID_BIOMETRIC_DATA, 'INVALID_BIOMETRIC_DATA');
  });

  it('a chunked upload with no Content-Length is cut off with 413 long before it is all sent', async () => {
    const session = await createSession();
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const url = new URL(validateUrl());
    const result = await new Promise<{ status: number | undefined; connection: string | undefined; body: string; sentWhenAnswered: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const outgoing = httpRequest(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}`, 'Transfer-Encoding': 'chunked' },
      });
      outgoing.on('response', (incoming) => {
        answered = true;
        const sentWhenAnswered = sent;
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (text: string) => (body += text));
        incoming.on('end', () => {
          outgoing.destroy();
          resolve({ status: incoming.statusCode, connection: incoming.headers.connection, body, sentWhenAnswered });
        });
      });
      // The server hangs up once it has answered; that is the point, not a failure.
      outgoing.on('error', (error) => {
        if (!answered) reject(error);
      });
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) {
            outgoing.once('drain', pump);
            return;
          }
        }
        if (!answered) outgoing.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    // The unread rest must not be parsed as the next request on a kept-alive connection.
    expect(result.connection).toBe('close');
    expect(JSON.parse(result.body)).toEqual({ error: 'Payload Too Large', message: 'payload_too_large' });
    expect(result.sentWhenAnswered).toBeGreaterThan(maxValidateBodyBytes);
    expect(result.sentWhenAnswered).toBeLessThan(total / 2);
  });
});

describe('a connection with an answer given before the body was read', () => {
  /** A server of its own, which records the paths the sandbox was asked to answer. */
  async function countingServer() {
    const sandbox = createSandbox({ secret });
    const handled: string[] = [];
    const handle = (request: Request) => {
      handled.push(new URL(request.url).pathname);
      return sandbox.handle(request);
    };
    return { local: await startSandboxServer({ sandbox: { ...sandbox, handle } }), sandbox, handled };
  }

  /**
   * A raw socket that writes requests back to back, as a pipelining client does, and reads as it goes. It stays
   * open for writing after the server's FIN, as a client still uploading does.
   */
  function pipeliningClient(port: number) {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    const errors: string[] = [];
    const received = () => Buffer.concat(chunks).toString('latin1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // The sandbox answers with a chunked body; its last chunk ends the first answer.
    const firstAnswer = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (received().includes('\r\n0\r\n\r\n')) resolve();
      });
      void closed.then(resolve);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    const statusLines = () => received().match(/^HTTP\/1\.1 \d+/gm) ?? [];
    return { socket, closed, firstAnswer, received, statusLines, errors };
  }

  const validateHead = (bodyBytes: number, authorization = '') =>
    `POST /v2/biometric-validations/validate HTTP/1.1\r\nHost: sandbox.test\r\nContent-Type: application/json\r\n${authorization}Content-Length: ${bodyBytes}\r\n\r\n`;
  const createRequest = 'POST /v2/biometric-validations HTTP/1.1\r\nHost: sandbox.test\r\nContent-Length: 0\r\n\r\n';

  it('answers 401 to a 1 MB upload at once, then ends the connection cleanly: Connection: close, a FIN, no reset', async () => {
    const { local, handled } = await countingServer();
    const client = pipeliningClient(local.port);
    const body = Buffer.alloc(1024 * 1024, 0x41);
    try {
      client.socket.write(validateHead(body.length));
      client.socket.write(body.subarray(0, 256 * 1024));
      await client.firstAnswer;
      const [head = ''] = client.received().split('\r\n\r\n');
      expect(head.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
      // The unread rest of the body cannot be told from a next request: the answer says the connection ends here.
      expect(head).toMatch(/^Connection: close$/im);
      // Still uploading after the answer, then a pipelined request: the server keeps reading until the client is
      // done, so no byte meets a closed socket (which the kernel would answer with a reset).
      client.socket.write(body.subarray(256 * 1024));
      client.socket.end(createRequest);
      await client.closed;
      expect(client.errors).toEqual([]);
      expect(client.statusLines()).toEqual(['HTTP/1.1 401']);
      // The pipelined request was neither answered nor acted on: a client sends it again on a new connection.
      expect(handled).toEqual(['/v2/biometric-validations/validate']);
    } finally {
      client.socket.destroy();
      await local.close();
    }
  });

  it('keeps the connection when the sandbox read the whole body: both pipelined requests are answered', async () => {
    const { local, sandbox, handled } = await countingServer();
    const { token } = await sandbox.createSession();
    const client = pipeliningClient(local.port);
    try {
      client.socket.write(`${validateHead(10, `Authorization: Bearer ${token}\r\n`)}not json!!${createRequest}`);
      await vi.waitFor(() => expect(client.statusLines()).toEqual(['HTTP/1.1 400', 'HTTP/1.1 201']));
      expect(client.received()).not.toMatch(/^Connection: close$/im);
      expect(handled).toEqual(['/v2/biometric-validations/validate', '/v2/biometric-validations']);
    } finally {
      client.socket.destroy();
      await local.close();
    }
  });
});

describe('routing', () => {
  it.each([
    ['/v2/biometric-validations/', 'POST'],
    ['/v2/biometric-validations/validate/', 'POST'],
    ['/v1/biometric-validations/validate', 'POST'],
    ['/api/v2/biometric-validations', 'POST'],
    ['/', 'GET'],
  ])('%s -> 404 route_not_found', async (path, method) => {
    await expectError(await fetch(`${server.url}${path}`, { method }), 404, 'Not Found', 'route_not_found');
  });

  it.each(['GET', 'PUT', 'DELETE'])('%s on an API route -> 405 with Allow', async (method) => {
    const response = await fetch(validateUrl(), { method });
    expect(response.headers.get('Allow')).toBe('POST, OPTIONS');
    await expectError(response, 405, 'Method Not Allowed', 'method_not_allowed');
  });

  it('serves the API under a basePath when asked, and only there', async () => {
    const local = await startSandboxServer({ basePath: '/verifik/' });
    try {
      expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/verifik$/);
      expect((await fetch(`${local.url}/v2/biometric-validations`, { method: 'POST' })).status).toBe(201);
      expect((await fetch(`${local.url.replace('/verifik', '')}/v2/biometric-validations`, { method: 'POST' })).status).toBe(404);
    } finally {
      await local.close();
    }
  });
});

describe('CORS', () => {
  it('answers the preflight the Authorization header causes', async () => {
    const response = await fetch(validateUrl(), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(await response.text()).toBe('');
  });

  it('puts Allow-Origin and Expose-Headers on real answers, errors included', async () => {
    const session = await createSession();
    for (const response of [await validate(session.token, undefined, { headers: { Origin: 'https://demo.test' } }), await validate(undefined, undefined, { headers: { Origin: 'https://demo.test' } })]) {
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://demo.test');
      expect(response.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
      expect(response.headers.get('Vary')).toBe('Origin');
    }
  });

  it('answers "*" when there is no Origin and every origin is allowed', async () => {
    expect((await fetch(createUrl(), { method: 'POST' })).headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('gives a disallowed origin no allow headers, preflight or not', async () => {
    const local = await startSandboxServer({ allowedOrigins: ['https://good.test'] });
    try {
      const url = `${local.url}/v2/biometric-validations`;
      const good = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'https://good.test', 'Access-Control-Request-Method': 'POST' } });
      expect(good.headers.get('Access-Control-Allow-Origin')).toBe('https://good.test');
      const badPreflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'https://evil.test', 'Access-Control-Request-Method': 'POST' } });
      expect(badPreflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(badPreflight.headers.get('Access-Control-Allow-Methods')).toBeNull();
      expect(badPreflight.headers.get('Vary')).toBe('Origin');
      const badPost = await fetch(url, { method: 'POST', headers: { Origin: 'https://evil.test' } });
      expect(badPost.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(badPost.headers.get('Access-Control-Expose-Headers')).toBeNull();
    } finally {
      await local.close();
    }
  });
});

describe('startSandboxServer', () => {
  it('listens on 127.0.0.1 and a free port by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('close() aborts a SLOW answer in progress and stops listening', async () => {
    const local = await startSandboxServer({ sleep: recordingSleep });
    const session = await local.sandbox.createSession({ scenario: 'SLOW' });
    const pending = fetch(`${local.url}/v2/biometric-validations/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
    });
    await vi.waitFor(() => expect(sleeps).toHaveLength(1));
    await local.close();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(sleeps).toEqual([{ ms: 35_000, aborted: true }]));
    await expect(fetch(`${local.url}/v2/biometric-validations`, { method: 'POST' })).rejects.toThrow();
  });
});
