import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { makeToken, nowMs } from './testing/makeToken.js';
import { validateBiometric } from './validateBiometric.js';

/** Every text an error exposes: its message, detail, server message, JSON form and the whole cause chain. */
function exposedTexts(error: unknown, depth = 0): string[] {
  if (depth > 8 || error === undefined || error === null) return [];
  if (typeof error !== 'object') return [String(error)];
  const { name, message, stack, cause } = error as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  const own = [name, message, stack, (error as BiometricLoginError).detail, (error as BiometricLoginError).serverMessage].filter((text) => typeof text === 'string');
  let json = '';
  try {
    json = JSON.stringify(error) ?? '';
  } catch {
    json = '';
  }
  return [...(own as string[]), json, ...exposedTexts(cause, depth + 1)];
}

const sessionToken = fc.string({ minLength: 8, maxLength: 40, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')) }).map((id) =>
  makeToken({ livenessSession: `ls_${id}`, exp: nowMs / 1000 + 600 }),
);
/** A picture as the caller may give it (raw base64, a data: URL, base64 with line breaks) and as it is sent (raw). */
const picture = fc
  .tuple(
    fc.uint8Array({ minLength: 24, maxLength: 96 }).map((bytes) => Buffer.from([0xff, 0xd8, 0xff, ...bytes]).toString('base64')),
    fc.constantFrom('raw', 'data URL', 'line breaks'),
  )
  .map(([sent, form]) => ({
    sent,
    given: form === 'raw' ? sent : form === 'data URL' ? `data:image/jpeg;base64,${sent}` : (sent.match(/.{1,16}/g) ?? []).join('\r\n'),
  }));

/** The ways a validate call can fail, each given the secrets so that a hostile platform or server can echo them. */
const failures = fc.oneof(
  // A platform error that quotes the request (as undici does for a bad header value).
  fc.record({ kind: fc.constant('fetch rejects' as const), wrap: fc.boolean() }),
  // A server that echoes the Authorization header or the picture back in its error body, for every status.
  fc.record({ kind: fc.constant('server echoes' as const), status: fc.constantFrom(200, 301, 400, 401, 403, 404, 409, 413, 429, 500, 503) }),
  fc.record({ kind: fc.constant('timeout' as const) }),
  fc.record({ kind: fc.constant('body breaks off' as const) }),
);

type Failure = typeof failures extends fc.Arbitrary<infer T> ? T : never;

function fetchFor(failure: Failure, token: string, image: string): typeof fetch {
  const quote = `Bearer ${token} {"image":"${image}"}`;
  switch (failure.kind) {
    case 'fetch rejects': {
      const inner = new TypeError(`Headers.append: "${quote}" is an invalid header value.`);
      return async () => Promise.reject(failure.wrap ? new Error('fetch failed', { cause: inner }) : inner);
    }
    case 'server echoes':
      return async () => new Response(JSON.stringify({ error: quote, message: quote, code: token, data: { token: '' } }), { status: failure.status });
    case 'timeout':
      return (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException(`aborted ${quote}`, 'AbortError'))));
    case 'body breaks off':
      return async () => new Response(new ReadableStream({ start: (controller) => controller.error(new TypeError(`terminated ${quote}`)) }));
  }
}

describe('no error ever carries the session token or the picture', () => {
  it('on every failure path of validateBiometric, in message, detail, server message, JSON and causes', async () => {
    await fc.assert(
      fc.asyncProperty(sessionToken, picture, failures, async (token, { sent: image, given }, failure) => {
        vi.useFakeTimers();
        try {
          // The platform and the server can only echo what was sent: the picture as raw base64.
          const pending = validateBiometric({ token, image: given, os: 'DESKTOP', now: () => nowMs, timeoutMs: 50, fetch: fetchFor(failure, token, image) }).then(
            () => undefined,
            (error: unknown) => error,
          );
          await vi.advanceTimersByTimeAsync(60);
          const error = await pending;
          expect(error).toBeInstanceOf(BiometricLoginError);
          for (const text of exposedTexts(error)) {
            expect(text).not.toContain(token);
            expect(text).not.toContain(image);
          }
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a cause that mentions no secret as it is, for debugging', async () => {
    const cause = new TypeError('Failed to fetch');
    const token = makeToken({ livenessSession: 'ls_1', exp: nowMs / 1000 + 600 });
    const error = await validateBiometric({ token, image: '/9j/4AAQ', os: 'DESKTOP', now: () => nowMs, fetch: async () => Promise.reject(cause) }).catch((thrown: unknown) => thrown);
    expect((error as BiometricLoginError).cause).toBe(cause);
  });
});
