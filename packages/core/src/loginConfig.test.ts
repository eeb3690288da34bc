import { describe, expect, it } from 'vitest';
import { checkLoginConfig } from './loginConfig.js';
import { makeToken, nowMs, validToken } from './testing/makeToken.js';

const now = () => nowMs;
const good = { token: validToken, projectFlow: { redirectUrl: 'https://app.example.com/cb' } };

function codeOf(overrides: Record<string, unknown>): string | undefined {
  return checkLoginConfig({ ...good, ...overrides }, now)?.code;
}

describe('checkLoginConfig: the data props, checked at mount', () => {
  it('accepts a sound configuration, with or without the optional props', () => {
    expect(checkLoginConfig(good, now)).toBeUndefined();
    expect(
      checkLoginConfig({ ...good, apiBaseUrl: 'https://api.verifik.co/', allowedRedirectOrigins: ['https://app.example.com'], timeoutMs: 15_000 }, now),
    ).toBeUndefined();
  });

  it.each([
    ['http://localhost:8787', undefined],
    ['http://127.0.0.1:8787/prefix', undefined],
    ['http://[::1]:8787', undefined],
    ['http://api.example.com', 'INVALID_CONFIGURATION'],
    ['http://192.168.1.10:8787', 'INVALID_CONFIGURATION'],
    ['ftp://api.example.com', 'INVALID_CONFIGURATION'],
    ['api.verifik.co', 'INVALID_CONFIGURATION'],
    ['https://user:pass@api.verifik.co', 'INVALID_CONFIGURATION'],
    ['https://api.verifik.co/?next=evil', 'INVALID_CONFIGURATION'],
    [42, 'INVALID_CONFIGURATION'],
  ])('apiBaseUrl %j -> %s', (apiBaseUrl, code) => {
    expect(codeOf({ apiBaseUrl })).toBe(code);
  });

  it.each([
    [0, 'INVALID_CONFIGURATION'],
    [-5, 'INVALID_CONFIGURATION'],
    [Number.NaN, 'INVALID_CONFIGURATION'],
    [Number.POSITIVE_INFINITY, 'INVALID_CONFIGURATION'],
    [2 ** 31, 'INVALID_CONFIGURATION'],
    ['30000', 'INVALID_CONFIGURATION'],
    [250, undefined],
  ])('timeoutMs %j -> %s', (timeoutMs, code) => {
    expect(codeOf({ timeoutMs })).toBe(code);
  });

  it.each([
    [0, undefined],
    [300, undefined],
    [10_000, undefined],
    [10 * 60 * 1000, undefined],
    [false, undefined],
    [undefined, undefined],
    [-1, 'INVALID_CONFIGURATION'],
    [10 * 60 * 1000 + 1, 'INVALID_CONFIGURATION'],
    [Number.NaN, 'INVALID_CONFIGURATION'],
    [Number.POSITIVE_INFINITY, 'INVALID_CONFIGURATION'],
    [true, 'INVALID_CONFIGURATION'],
    ['10000', 'INVALID_CONFIGURATION'],
    [null, 'INVALID_CONFIGURATION'],
  ])('sendAnywayAfterMs %j -> %s', (sendAnywayAfterMs, code) => {
    expect(codeOf({ sendAnywayAfterMs })).toBe(code);
  });

  it.each([
    ['https://app.example.com', 'INVALID_CONFIGURATION'],
    [['not an origin'], 'INVALID_CONFIGURATION'],
    [[42], 'INVALID_CONFIGURATION'],
    [['https://other.example.com'], 'REDIRECT_NOT_ALLOWED'],
    [[], 'REDIRECT_NOT_ALLOWED'],
  ])('allowedRedirectOrigins %j -> %s', (allowedRedirectOrigins, code) => {
    expect(codeOf({ allowedRedirectOrigins })).toBe(code);
  });

  it.each([
    [{ redirectUrl: 'http://app.example.com/cb' }, 'REDIRECT_NOT_ALLOWED'],
    [{ redirectUrl: 42 }, 'REDIRECT_NOT_ALLOWED'],
    [{}, 'REDIRECT_NOT_ALLOWED'],
    [undefined, 'REDIRECT_NOT_ALLOWED'],
    ['https://app.example.com/cb', 'REDIRECT_NOT_ALLOWED'],
  ])('projectFlow %j -> %s', (projectFlow, code) => {
    expect(codeOf({ projectFlow })).toBe(code);
  });

  it.each([
    [`${validToken}\n`, undefined],
    [`${validToken}\r\nX-Injected: 1`, 'SESSION_INVALID'],
    ['definitely-not-a-jwt', 'SESSION_INVALID'],
    [makeToken({ exp: nowMs / 1000 + 60 }), 'SESSION_INVALID'],
    [makeToken({ livenessSession: 'ls', exp: nowMs / 1000 - 1 }), 'SESSION_EXPIRED'],
    [undefined, 'SESSION_INVALID'],
  ])('token %#: -> %s', (token, code) => {
    expect(codeOf({ token })).toBe(code);
  });

  it('names the prop in the detail but never echoes the token', () => {
    const token = `${validToken} with spaces`;
    const refusal = checkLoginConfig({ ...good, token }, now);
    expect(refusal?.detail).toMatch(/^token: /);
    expect(refusal?.message).not.toContain(validToken);
    expect(checkLoginConfig({ ...good, timeoutMs: -1 }, now)?.detail).toMatch(/^timeoutMs: /);
    expect(checkLoginConfig({ ...good, sendAnywayAfterMs: true }, now)?.detail).toMatch(/^sendAnywayAfterMs: /);
  });
});
