import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { classifyValidateResponse, parseRetryAfter } from './classifyResponse.js';
import { errorCodes } from './errorCodes.js';

describe('classifyValidateResponse properties', () => {
  it('no random body parses as a success without a non-empty token', () => {
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.record({ success: fc.oneof(fc.boolean(), fc.constant(undefined)), data: fc.oneof(fc.anything(), fc.record({ token: fc.anything() })) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), body, (status, bodyValue) => {
        const bodyText = typeof bodyValue === 'string' ? bodyValue : JSON.stringify(bodyValue);
        try {
          const result = classifyValidateResponse({ status, bodyText: bodyText ?? '' }, 0);
          return status >= 200 && status < 300 && typeof result.token === 'string' && result.token.trim() !== '';
        } catch (error) {
          return error instanceof BiometricLoginError && errorCodes.includes(error.code);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a success always hands back the token it was given', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((token) => token.trim() !== ''), fc.dictionary(fc.string(), fc.jsonValue()), (token, extra) => {
        const result = classifyValidateResponse({ status: 200, bodyText: JSON.stringify({ success: true, data: { ...extra, token } }) }, 0);
        return result.token === token.trim();
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, dates, and ignores junk', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(new Date(0).toUTCString(), 4_000)).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('-5', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
