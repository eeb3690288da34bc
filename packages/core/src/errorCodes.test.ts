import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { errorCodeInfo, errorCodes, isErrorCode } from './errorCodes.js';

describe('error codes', () => {
  it('has handling for every code and nothing else', () => {
    expect(Object.keys(errorCodeInfo).sort()).toEqual([...errorCodes].sort());
  });

  it('retries by itself only what is transient, and only network failures are', () => {
    const transient = errorCodes.filter((code) => new BiometricLoginError(code).isTransient);
    expect(transient.sort()).toEqual(['NETWORK_ERROR', 'RATE_LIMITED', 'SERVER_ERROR']);
  });

  it('recognises codes', () => {
    expect(isErrorCode('TIMEOUT')).toBe(true);
    expect(isErrorCode('timeout')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });

  it('builds a message from facts, and keeps code and status', () => {
    const error = new BiometricLoginError('SERVER_ERROR', { status: 503, serverMessage: 'server_error' });
    expect(error.message).toBe('SERVER_ERROR: HTTP 503, server_error');
    expect(error.name).toBe('BiometricLoginError');
    expect(error).toBeInstanceOf(Error);
  });
});
