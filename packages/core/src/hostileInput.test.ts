import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { buildRedirectUrl } from './buildRedirectUrl.js';
import { classifyValidateResponse } from './classifyResponse.js';
import { checkLoginConfig } from './loginConfig.js';
import { readLivenessSession } from './readLivenessSession.js';
import { makeToken, nowMs } from './testing/makeToken.js';

// Plain-JavaScript callers and hostile servers can hand these functions anything at all.
const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true, withSparseArray: true });
// What can be serialized (JSON has no BigInt): for claims and bodies.
const serializable = fc.anything({ withNullPrototype: true, withSparseArray: true });
const binaryText = fc.string({ unit: 'binary' });
const anyUrl = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), binaryText, fc.constantFrom('https://app.example.com/cb', 'javascript:x', 'http://localhost/'));
const loneSurrogates = fc.constantFrom('\uD800', '\uDFFF', 'a\uD83Db', '\uDE00x');

/** Returns, or throws a BiometricLoginError: nothing else may escape. */
function returnsOrRefuses(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    return error instanceof BiometricLoginError;
  }
}

describe('hostile input gets a typed error, never another exception', () => {
  it('buildRedirectUrl, whatever the URL, the token and the allowlist', () => {
    const allowlist = fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.webUrl(), binaryText, anything)), binaryText, anything);
    const token = fc.oneof(binaryText, anything, loneSurrogates, fc.string({ minLength: 1 }));
    fc.assert(
      fc.property(fc.oneof(anyUrl, anything), token, allowlist, (url, loginToken, allowedOrigins) =>
        returnsOrRefuses(() => buildRedirectUrl(url, loginToken, { allowedOrigins } as never)),
      ),
      { numRuns: 3000 },
    );
  });

  it('buildRedirectUrl refuses a token with a lone surrogate (INVALID_RESPONSE) and an allowlist that is a string', () => {
    expect(() => buildRedirectUrl('https://app.example.com/cb', 'abc\uD800')).toThrow(expect.objectContaining({ code: 'INVALID_RESPONSE' }));
    expect(() => buildRedirectUrl('https://app.example.com/cb', 't', { allowedOrigins: 'https://app.example.com' as never })).toThrow(
      expect.objectContaining({ code: 'REDIRECT_NOT_ALLOWED' }),
    );
    // A well-formed surrogate pair is a character like any other.
    expect(new URL(buildRedirectUrl('https://app.example.com/cb', 'a😀b')).searchParams.get('token')).toBe('a😀b');
  });

  it('readLivenessSession, whatever the token and its claims', () => {
    const claims = fc.dictionary(fc.oneof(binaryText, fc.constantFrom('__proto__', 'constructor', 'livenessSession', 'exp')), serializable);
    const token = fc.oneof(anything, binaryText, claims.map((payload) => makeToken(payload)));
    fc.assert(
      fc.property(token, (candidate) => returnsOrRefuses(() => readLivenessSession(candidate, { now: () => nowMs }))),
      { numRuns: 3000 },
    );
  });

  it('readLivenessSession takes a __proto__ claim and an exp of 1e20 calmly', () => {
    const token = makeToken(JSON.parse('{"livenessSession":"ls","exp":1e20,"__proto__":{"admin":true}}') as Record<string, unknown>);
    const session = readLivenessSession(token, { now: () => nowMs });
    expect(session.expiresAt).toBe(1e23);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('the response reader, whatever the status and the body; no success without a non-empty token', () => {
    const body = fc.oneof(
      binaryText,
      fc.json(),
      serializable.map((value) => JSON.stringify(value) ?? ''),
      fc
        .record({ success: serializable, data: fc.oneof(serializable, fc.record({ token: fc.oneof(binaryText, loneSurrogates, serializable) })) })
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 1000 }), body, fc.option(binaryText), (status, bodyText, retryAfter) => {
        try {
          const result = classifyValidateResponse({ status, bodyText, retryAfter }, nowMs);
          return status >= 200 && status < 300 && typeof result.token === 'string' && result.token.trim() !== '' && !/[\uD800-\uDFFF]/u.test(result.token);
        } catch (error) {
          return error instanceof BiometricLoginError;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('checkLoginConfig, whatever the props (plain-JavaScript hosts): an error value, never a throw', () => {
    const config = fc.oneof(anything, fc.record({ token: anything, projectFlow: anything, apiBaseUrl: anything, allowedRedirectOrigins: anything, timeoutMs: anything }, { requiredKeys: [] }));
    fc.assert(
      fc.property(config, (candidate) => {
        const refusal = checkLoginConfig(candidate, () => nowMs);
        return refusal === undefined || refusal instanceof BiometricLoginError;
      }),
      { numRuns: 2000 },
    );
  });
});
