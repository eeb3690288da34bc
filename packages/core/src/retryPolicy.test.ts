import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { errorCodeInfo, errorCodes } from './errorCodes.js';
import { maxAutomaticRetries, maxRetryAfterMs, retryDelay, shouldRetry } from './retryPolicy.js';

describe('the retry policy', () => {
  it('retries exactly the transient codes, at most maxAutomaticRetries times', () => {
    for (const code of errorCodes) {
      const error = new BiometricLoginError(code);
      const attempts = [0, 1, 2, 3].map((failureCount) => shouldRetry(failureCount, error));
      expect(attempts).toEqual(errorCodeInfo[code].transient ? [true, true, false, false] : [false, false, false, false]);
    }
    expect(maxAutomaticRetries).toBe(2);
  });

  it('waits out a short Retry-After but shows a long one to the person', () => {
    expect(shouldRetry(0, new BiometricLoginError('RATE_LIMITED', { retryAfterMs: maxRetryAfterMs }))).toBe(true);
    expect(shouldRetry(0, new BiometricLoginError('RATE_LIMITED', { retryAfterMs: maxRetryAfterMs + 1 }))).toBe(false);
    expect(retryDelay(0, new BiometricLoginError('RATE_LIMITED', { retryAfterMs: 1200 }))).toBe(1200);
  });

  it('backs off 0.5 s, then 1 s, when the server names no wait', () => {
    const error = new BiometricLoginError('SERVER_ERROR', { status: 503 });
    expect([retryDelay(0, error), retryDelay(1, error)]).toEqual([500, 1000]);
  });

  it('never retries what is not a BiometricLoginError (a bug is not a network blip)', () => {
    expect(shouldRetry(0, new TypeError('x is not a function'))).toBe(false);
  });
});
